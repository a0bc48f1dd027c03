"""Recorders whose appends go through group commit: the ledger's (``commands.recorder``) and the
access log's.

Every story read appends one entry to the access log, committed before the read is answered.
Under many concurrent readers those commits queued for the log's write lock one by one; now
the reads waiting at the same moment are written in one transaction, one lock, one commit
(``commands.group_commit``), each answered only after that commit. A read repeating a stored
(stream, version) (another read of the same story got there first) is refused alone with the
library's ``IntegrityError``, so its reader reloads and tries again, as before.

A batch is two round trips to PostgreSQL, both under the write lock (``write_groups``): the lock
with the check of stored versions, the chain's heads and the erased (``commands.erased_check``),
then the links, the ``NOTIFY``, the inserts and the ``COMMIT``. ``BEGIN`` and ``COMMIT`` are
statements in the pipeline, because psycopg's ``transaction()`` inside a pipeline syncs as it
starts and twice as it ends: seven round trips a batch before (counted on the wire by
``tests/commands/test_write_round_trips.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from eventsourcing.persistence import StoredEvent
from eventsourcing.postgres import PostgresAggregateRecorder, PostgresApplicationRecorder
from psycopg.sql import SQL, Identifier

from commands.access_log_entries import EntryWriter
from commands.flagged_reads import FlaggedReads
from commands.group_commit import Answers, GroupCommit, Groups
from commands.refused_reads import RefusedReads

BEGIN, COMMIT = SQL("BEGIN"), SQL("COMMIT")
ACCESS_LOG_RECORDER_TOPIC = "commands.grouped_recorder:AccessLogRecorder"
library_insert = PostgresApplicationRecorder.insert_events.__wrapped__  # without its retries


class GroupedRecorder(PostgresApplicationRecorder):
    """The library's recorder, writing groups of concurrent saves in one transaction."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.group = GroupCommit(self.write_groups)

    def ask_links(self, curs: Any, streams: Sequence[Any]) -> None:
        """Send whatever the links of the streams' events need read (nothing here)."""

    def link_after(self, asked: Any, curs: Any, events: Sequence[StoredEvent]) -> None:
        """Send anything written with the events, from the answer ``asked`` holds (nothing here)."""

    def ask_refusals(self, conn: Any, groups: Groups) -> Any:
        """Send whatever the groups' own check needs read; its cursor (nothing here)."""

    def refusals(self, asked: Any, groups: Groups) -> list[Exception | None]:
        """Per group, its refusal by that check, from the answer ``asked`` holds (none here)."""
        return [None] * len(groups)

    def write_groups(self, groups: Groups) -> Answers:
        """Write groups of events in one transaction under the write lock: each group's ids, its
        refusal (``refusals``), or None if it repeats a stored (stream, version) or an earlier one.

        Two round trips under the write lock, pipelined: the lock with the check of stored
        versions and whatever the links need read; then the links, the ``NOTIFY``, the inserts
        and the ``COMMIT``, whose answer (the inserts' ids) comes only once committed."""
        pairs = [(event.originator_id, event.originator_version) for group in groups for event in group]
        inserting, events = None, []
        with self.datastore.get_connection() as conn:
            # BEGIN and COMMIT as statements: psycopg's transaction() in a pipeline syncs at
            # its start and twice at its end, three more round trips
            with conn.pipeline():
                curs, asked = conn.cursor(), conn.cursor()
                for statement in [BEGIN, *self.lock_table_statements]:
                    curs.execute(statement, prepare=False)
                self._ask_stored_versions(curs, pairs)
                self.ask_links(asked, list(dict.fromkeys(pair[0] for pair in pairs)))
                checked = self.ask_refusals(conn, groups)
                taken = stored_pairs(curs)  # the first round trip (answers all three)
                refused = self.refusals(checked, groups)
                written = unrepeated(groups, taken, refused)
                events = [e for group, ok in zip(groups, written, strict=True) if ok for e in group]
                if events:
                    self.link_after(asked, curs, events)
                    self._notify_channel(curs)
                    inserting = conn.cursor()  # its own cursor, for its own answer
                    self._insert_rows(inserting, events)
                curs.execute(COMMIT, prepare=False)
            # the second: the pipeline's sync, answered once committed (on a failure, the
            # connection's own exit rolls the aborted block back before the pool has it)
            ids = list(self._fetch_ids_after_insert_events(inserting, events) or ()) if inserting else []
        answers: Answers = []
        for group, ok, refusal in zip(groups, written, refused, strict=True):
            answers.append(ids[:len(group)] if ok else refusal)
            ids = ids[len(group):] if ok else ids
        return answers

    def _insert_rows(self, curs: Any, events: Sequence[StoredEvent]) -> None:
        """Send the events' insert (the library's, without its lock and ``NOTIFY``, sent here
        before it); its notification ids are answered at the next sync."""
        PostgresAggregateRecorder._insert_stored_events(self, curs, events)

    def _ask_stored_versions(self, curs: Any, pairs: list[tuple[Any, int]]) -> None:
        """Send the question: which of these (stream, version) pairs are already stored."""
        curs.execute(SQL(
            "SELECT originator_id, originator_version FROM {}.{} WHERE (originator_id, "
            "originator_version) IN (SELECT * FROM unnest(%s::uuid[], %s::bigint[]))"
        ).format(Identifier(self.datastore.schema), Identifier(self.events_table_name)),
            ([p[0] for p in pairs], [p[1] for p in pairs]), prepare=False)


def stored_pairs(curs: Any) -> set[tuple[Any, int]]:
    """The answer to ``_ask_stored_versions`` (the first fetch: one round trip for all asked)."""
    return {(row["originator_id"], row["originator_version"]) for row in curs.fetchall()}


def unrepeated(groups: Groups, taken: set[tuple[Any, int]],
               refused: Sequence[Exception | None]) -> list[bool]:
    """Per group, whether it is written: not refused, none of its (stream, version) pairs
    stored, nor written by a group before it in the batch."""
    written: list[bool] = []
    for group, refusal in zip(groups, refused, strict=True):
        versions = {(event.originator_id, event.originator_version) for event in group}
        written.append(refusal is None and not versions & taken)
        taken |= versions if written[-1] else set()
    return written


class AccessLogRecorder(GroupedRecorder):
    """The access log's reads, written as entries whose versions PostgreSQL picks
    (``commands.access_log_entries``); events saved through the library (none in the API) share
    a transaction as the ledger's do. Each flagged read adds its row to
    ``commands.flagged_reads`` in the same transaction, either way."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.flagged = FlaggedReads(self.datastore, self.events_table_name)
        self.entries = EntryWriter(self, self.flagged.table)
        self.sql_create_statements.extend(self.flagged.create_statements())
        self.refused = RefusedReads(self.datastore, self.events_table_name)
        self.sql_create_statements.append(self.refused.create_statement())

    def link_after(self, asked: Any, curs: Any, events: Sequence[StoredEvent]) -> None:
        """The flagged reads' rows, sent with the batch's inserts."""
        self.flagged.add(curs, events)

    def _insert_events(self, curs: Any, stored_events: Sequence[StoredEvent], **kwargs: Any) -> None:
        """The library's insert, with the flagged reads' rows."""
        super()._insert_events(curs, stored_events, **kwargs)
        self.flagged.add(curs, stored_events)

    def insert_events(self, stored_events: Sequence[StoredEvent], **kwargs: Any) -> Any:
        if any(value is not None for value in kwargs.values()) or not stored_events:
            return super().insert_events(stored_events, **kwargs)
        return self.group.write(stored_events)
