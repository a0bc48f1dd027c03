"""Recorders whose appends go through group commit: the ledger's (``commands.recorder``) and the
access log's.

Every story read appends one entry to the access log, committed before the read is answered.
Under many concurrent readers those commits queued for the log's write lock one by one; now
the reads waiting at the same moment are written in one transaction, one lock, one commit
(``commands.group_commit``), each answered only after that commit. A read repeating a stored
(stream, version) (another read of the same story got there first) is refused alone with the
library's ``IntegrityError``, so its reader reloads and tries again, as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from eventsourcing.persistence import StoredEvent
from eventsourcing.postgres import PostgresAggregateRecorder, PostgresApplicationRecorder
from psycopg.sql import SQL, Identifier

from commands.group_commit import Answers, GroupCommit, Groups

ACCESS_LOG_RECORDER_TOPIC = "commands.grouped_recorder:AccessLogRecorder"
library_insert = PostgresApplicationRecorder.insert_events.__wrapped__  # without its retries


class GroupedRecorder(PostgresApplicationRecorder):
    """The library's recorder, writing groups of concurrent saves in one transaction."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.group = GroupCommit(self.write_groups)

    def link(self, curs: Any, events: Sequence[StoredEvent]) -> None:
        """Anything written with the events, in their transaction (nothing here)."""

    def write_groups(self, groups: Groups) -> Answers:
        """Write groups of events in one transaction under the write lock: each group's ids, or
        None for a group that repeats a stored (stream, version) or one earlier in the batch."""
        # Pipelined, as the library's own insert is: four round trips under the write lock (the
        # lock with the check of stored versions, the links' heads, the inserts, the commit).
        with self.datastore.get_connection() as conn, conn.pipeline() as pipeline, \
                conn.transaction(), conn.cursor() as curs:
            for statement in self.lock_table_statements:
                curs.execute(statement, prepare=False)
            taken = self._stored_versions(curs, groups)
            written: list[bool] = []
            for group in groups:
                versions = {(event.originator_id, event.originator_version) for event in group}
                written.append(not versions & taken)
                taken |= versions if written[-1] else set()
            events = [event for group, ok in zip(groups, written, strict=True) if ok for event in group]
            ids: list[int] = []
            if events:
                self.link(curs, events)
                self._notify_channel(curs)
                with conn.cursor() as inserting:  # its own cursor, for its own answer
                    PostgresAggregateRecorder._insert_stored_events(self, inserting, events)
                    pipeline.sync()  # the inserts' answers now, not at the commit
                    ids = list(self._fetch_ids_after_insert_events(inserting, events) or ())
        answers: Answers = []
        for group, ok in zip(groups, written, strict=True):
            answers.append(ids[:len(group)] if ok else None)
            ids = ids[len(group):] if ok else ids
        return answers

    def _stored_versions(self, curs: Any, groups: Groups) -> set[tuple[Any, int]]:
        """Which of the groups' (stream, version) pairs are already stored."""
        pairs = [(event.originator_id, event.originator_version) for group in groups for event in group]
        curs.execute(SQL(
            "SELECT originator_id, originator_version FROM {}.{} WHERE (originator_id, "
            "originator_version) IN (SELECT * FROM unnest(%s::uuid[], %s::bigint[]))"
        ).format(Identifier(self.datastore.schema), Identifier(self.events_table_name)),
            ([p[0] for p in pairs], [p[1] for p in pairs]), prepare=False)
        return {(row["originator_id"], row["originator_version"]) for row in curs.fetchall()}


class AccessLogRecorder(GroupedRecorder):
    """The access log's reads; concurrent appends share a transaction (the library's own insert,
    retries included, when it passes a tracking record or other arguments)."""

    def insert_events(self, stored_events: Sequence[StoredEvent], **kwargs: Any) -> Any:
        if any(value is not None for value in kwargs.values()) or not stored_events:
            return super().insert_events(stored_events, **kwargs)
        return self.group.write(stored_events)
