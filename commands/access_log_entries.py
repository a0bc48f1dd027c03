"""Access-log entries whose versions PostgreSQL picks under the log's write lock: one round trip
a batch, and no read ever refused because another read took its version.

Each read was saved as an aggregate: the person's log loaded (or a copy of the one kept), the
read triggered, the library's save (its events collected, the stored version checked, then
inserted, in two round trips), and, when another process had read the story meanwhile, the
version refused, the log reloaded and the read saved again. Now a read is one entry: its
``StoryRead`` event encoded by the access log's own mapper (its reason sealed), with the log's
``Started`` event in case the person has no log yet. Entries waiting together are written in one
transaction (``commands.group_commit``) by one statement: under the write lock, it finds each
person's last version (one index probe), numbers the entries after it (``Started`` at version 1
first, for a person without a log), inserts them in the log's order and adds the flagged reads'
rows (``commands.flagged_reads``). ``BEGIN``, the lock, the statement, the ``NOTIFY`` and the
``COMMIT`` are pipelined: one round trip, answered once committed. The stored events are the
library's, as before: same topics, states and versions, so the log and everything following it
(``reads``, the figures' projector) read them as they did.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from psycopg.sql import SQL, Composed, Identifier, Literal

from commands.group_commit import Answers, GroupCommit
from ledger.access import READ_TOPIC, StoryAccessLog

BEGIN, COMMIT = SQL("BEGIN"), SQL("COMMIT")
WRITE = """WITH batch AS (
  SELECT * FROM unnest(%s::uuid[], %s::bytea[], %s::bytea[], %s::bool[], %s::text[],
    %s::timestamptz[]) WITH ORDINALITY AS b(person, state, started, flagged, provider_id, at, n)
), heads AS (
  SELECT person, min(n) AS first, coalesce((SELECT max(e.originator_version) FROM {events} e
    WHERE e.originator_id = batch.person), 0) AS head FROM batch GROUP BY person
), entries AS (
  SELECT h.person, 1::bigint AS version, {started} AS topic, b.started AS state, b.n, 0 AS step,
    false AS flagged, NULL::text AS provider_id, NULL::timestamptz AS at
    FROM heads h JOIN batch b ON b.n = h.first WHERE h.head = 0
  UNION ALL
  SELECT b.person, h.head + (h.head = 0)::int + row_number() OVER (PARTITION BY b.person
    ORDER BY b.n), {read}, b.state, b.n, 1, b.flagged, b.provider_id, b.at
    FROM batch b JOIN heads h USING (person)
), inserted AS (
  INSERT INTO {events} (originator_id, originator_version, topic, state)
  SELECT person, version, topic, state FROM entries ORDER BY n, step
  RETURNING notification_id, originator_id, originator_version
), flagged AS (
  INSERT INTO {flagged} (person_id, version, provider_id, at)
  SELECT person, version, provider_id, at FROM entries WHERE flagged ON CONFLICT DO NOTHING
)
SELECT x.n, i.notification_id FROM inserted i JOIN entries x
  ON x.person = i.originator_id AND x.version = i.originator_version WHERE x.step = 1"""


@dataclass(frozen=True)
class Entry:
    """One read to write: the encoded events and what the flagged reads' table keeps of it."""

    person_id: UUID
    read: bytes  # the StoryRead event's stored state
    started: bytes  # the Started event's, written only if the person has no log yet
    flagged: bool
    provider_id: str | None
    at: datetime


class EntryWriter:
    """Writes entries in batches, each entry answered with its notification id once committed."""

    def __init__(self, recorder: Any, flagged_table: Composed) -> None:
        self.recorder = recorder
        events = SQL("{}.{}").format(Identifier(recorder.datastore.schema),
                                     Identifier(recorder.events_table_name))
        self.statement = SQL(WRITE).format(
            events=events, flagged=flagged_table, started=Literal(StoryAccessLog.Started.TOPIC),
            read=Literal(READ_TOPIC))
        self.group: GroupCommit[Entry] = GroupCommit(self.write_batch)

    def write(self, entry: Entry) -> int:
        """Write the entry with whatever else is waiting; its notification id once committed."""
        return self.group.write(entry)[0]

    def write_batch(self, entries: list[Entry]) -> Answers:
        """One transaction, one round trip: every entry's notification id, in the entries' order."""
        with self.recorder.datastore.get_connection() as conn:
            with conn.pipeline():
                curs, written = conn.cursor(), conn.cursor()
                for statement in [BEGIN, *self.recorder.lock_table_statements]:
                    curs.execute(statement, prepare=False)
                written.execute(self.statement, columns(entries), prepare=False)
                self.recorder._notify_channel(curs)
                curs.execute(COMMIT, prepare=False)
            ids = {row["n"]: row["notification_id"] for row in written.fetchall()}
        return [[ids[n]] for n in range(1, len(entries) + 1)]


def columns(entries: Sequence[Entry]) -> list[list[Any]]:
    """The statement's arrays, one per column of the batch."""
    return [[e.person_id for e in entries], [e.read for e in entries],
            [e.started for e in entries], [e.flagged for e in entries],
            [e.provider_id for e in entries], [e.at for e in entries]]
