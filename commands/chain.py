"""Tamper evidence: every stored event is linked to the one before it in its stream and in the log.

``story_hash`` = SHA-256 of the previous story hash, the stream id, version, topic and the
SHA-256 of the stored bytes; ``log_hash`` = SHA-256 of the previous log hash and the story hash.
Both are computed at append time, under the log's write lock, in the same transaction.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from typing import Any
from uuid import UUID

from eventsourcing.persistence import StoredEvent
from psycopg.sql import SQL, Composed, Identifier

GENESIS = "0" * 64


def story_link(previous: str, originator_id: UUID | str, version: int, topic: str, state: bytes) -> str:
    """The hash that links an event to the previous event of its stream."""
    body = f"{previous}|{originator_id}|{version}|{topic}|{hashlib.sha256(state).hexdigest()}"
    return hashlib.sha256(body.encode()).hexdigest()


def log_link(previous: str, story_hash: str) -> str:
    """The hash that links an event to the previous event of the whole log."""
    return hashlib.sha256(f"{previous}|{story_hash}".encode()).hexdigest()


class ChainTable:
    """The table of links, one row per stored event, in the order the log was written."""

    def __init__(self, schema: str, events_table: str) -> None:
        self.table = SQL("{}.{}").format(Identifier(schema), Identifier(f"{events_table}_chain"))

    def create_statement(self) -> Composed:
        return SQL(
            "CREATE TABLE IF NOT EXISTS {} (position bigserial PRIMARY KEY, "
            "originator_id uuid NOT NULL, originator_version bigint NOT NULL, "
            "story_hash text NOT NULL, log_hash text NOT NULL, "
            "UNIQUE (originator_id, originator_version))"
        ).format(self.table)

    def link(self, curs: Any, stored_events: Sequence[StoredEvent]) -> None:
        """Add the links of events about to be inserted (the caller holds the write lock)."""
        streams = list({event.originator_id: None for event in stored_events})
        self.insert_links(curs, self.heads(curs, streams), stored_events)

    def insert_links(self, curs: Any, heads: dict[Any, str],
                     stored_events: Sequence[StoredEvent]) -> None:
        """Send the links of events about to be inserted, following on from ``heads`` (read under
        the same write lock); nothing is fetched, so in a pipeline it waits for the next sync.

        A link that already exists is skipped rather than refused, so that the events' own
        insert is the statement that fails on a version conflict: an earlier failure in the
        library's pipeline would leave its prepared statements unprepared on the connection.
        """
        rows = list(linked(heads, stored_events))
        columns = [list(column) for column in zip(*rows, strict=True)]
        curs.execute(SQL(
            "INSERT INTO {} (originator_id, originator_version, story_hash, log_hash) "
            "SELECT * FROM unnest(%s::uuid[], %s::bigint[], %s::text[], %s::text[]) "
            "ON CONFLICT DO NOTHING"
        ).format(self.table), columns, prepare=False)

    def heads(self, curs: Any, streams: Sequence[UUID | str]) -> dict[Any, str]:
        """In one statement, each stream's last story hash (streams without links are absent)
        and, under ``None``, the log's last log hash: each by one step down an index."""
        self.ask_heads(curs, streams)
        return self.read_heads(curs)

    def ask_heads(self, curs: Any, streams: Sequence[UUID | str]) -> None:
        """Send ``heads``' statement without waiting for its answer (``read_heads`` reads it)."""
        curs.execute(SQL(
            "(SELECT NULL::uuid AS originator_id, log_hash AS story_hash FROM {0} "
            "ORDER BY position DESC LIMIT 1) UNION ALL (SELECT head.* FROM unnest(%s::uuid[]) "
            "AS stream(id) CROSS JOIN LATERAL (SELECT originator_id, story_hash FROM {0} WHERE "
            "originator_id = stream.id ORDER BY originator_version DESC LIMIT 1) AS head)"
        ).format(self.table), (list(streams),), prepare=False)

    @staticmethod
    def read_heads(curs: Any) -> dict[Any, str]:
        """The answer to ``ask_heads`` sent on ``curs``."""
        return {row["originator_id"]: row["story_hash"] for row in curs.fetchall()}

    def copy_links(self, curs: Any, stored_events: Sequence[StoredEvent]) -> None:
        """``link`` for an import's ``COPY``, in two round trips: the log's head and the heads of
        the streams the events continue (not of those they begin) in one statement, then the
        links copied (binary ``COPY``). A link that exists already is refused
        (``UniqueViolation``), as the event's own row would be: the whole batch fails as one."""
        first: dict[UUID | str, int] = {}
        for event in stored_events:
            first.setdefault(event.originator_id, event.originator_version)
        heads = self.heads(curs, [stream for stream, version in first.items() if version > 1])
        with curs.copy(SQL("COPY {} (originator_id, originator_version, story_hash, log_hash) "
                           "FROM STDIN (FORMAT BINARY)").format(self.table)) as copy:
            copy.set_types(["uuid", "int8", "text", "text"])
            for row in linked(heads, stored_events):
                copy.write_row(row)


def linked(heads: dict[Any, str], stored_events: Sequence[StoredEvent]) -> Iterator[
        tuple[UUID | str, int, str, str]]:
    """Each event's link row (stream, version, story hash, log hash), following on from the
    ``heads`` found (the log's under ``None``); ``heads`` is moved on as the links are made."""
    log_head = heads.pop(None, GENESIS)
    for event in stored_events:
        story = story_link(heads.get(event.originator_id, GENESIS), event.originator_id,
                           event.originator_version, event.topic, event.state)
        heads[event.originator_id] = story
        log_head = log_link(log_head, story)
        yield event.originator_id, event.originator_version, story, log_head
