"""The break-glass reads and relationship claims, as a table kept in the access log's own
transactions: the privacy officer's report reads what it lists, not every read ever made.

``GET /break-glass`` scanned and decoded the whole access log (every story read by anyone, the
largest log of the deployment) at every request, then kept the newest hundred. Now the access
log's recorder adds one row per flagged read (its stream and version, the reader's provider and
the read's instant; never the reason) in the transaction that stores the read, through group
commit or the library's own insert alike. The report walks the table's index newest first,
stops at its limit, and decodes only those reads. A deployment whose access log predates the
table gets it filled from the log when it is made (``CREATE TABLE ... AS``, once).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from eventsourcing.persistence import StoredEvent
from psycopg.sql import SQL, Composable, Composed, Identifier, Literal

from commands.log_side_table import LogSideTable
from ledger.access import READ_TOPIC


class FlaggedReads(LogSideTable):
    """``<events table>_flagged``: each read flagged for review (break-glass, claim, audit)."""

    SUFFIX = "flagged"

    def create_statements(self) -> list[Composed]:
        """The table, filled from the log when first made, and its indexes, newest first."""
        return [self.filled(
            "SELECT e.originator_id AS person_id, e.originator_version AS version, "
            "({state}->>'provider_id')::text AS provider_id, "
            "({state}->'at'->>'_data_')::timestamptz AS at FROM {events} e "
            "WHERE e.topic = {topic} AND ({state}->>'break_glass')::boolean",
            topic=Literal(READ_TOPIC)),
                self.index("key", "person_id, version", unique=True),
                self.index("newest", "at DESC"),
                self.index("by_provider", "provider_id, at DESC")]

    def add(self, curs: Any, stored_events: Sequence[StoredEvent]) -> None:
        """Send the rows of the flagged reads among these events, in the caller's transaction
        (a repeat of a read changes nothing)."""
        rows = [row for row in map(flagged_row, stored_events) if row is not None]
        if rows:
            curs.execute(SQL(
                "INSERT INTO {} (person_id, version, provider_id, at) SELECT * FROM unnest("
                "%s::uuid[], %s::bigint[], %s::text[], %s::timestamptz[]) ON CONFLICT DO NOTHING"
            ).format(self.table), [list(column) for column in zip(*rows, strict=True)],
                prepare=False)

    def newest(self, provider_id: str | None, since: datetime | None, until: datetime | None,
               limit: int) -> list[tuple[UUID, int]]:
        """The (stream, version) of up to ``limit`` flagged reads, newest first."""
        where: list[Composable] = [SQL("TRUE")]
        values: list[Any] = []
        for column, test, value in (("provider_id", "=", provider_id), ("at", ">=", since),
                                    ("at", "<=", until)):
            if value is not None:
                where.append(SQL("f.{} " + test + " %s").format(Identifier(column)))
                values.append(value)
        with self.datastore.transaction(commit=False) as curs:  # ties in the log's order, as the scan
            curs.execute(SQL("SELECT f.person_id, f.version FROM {} f JOIN {} e ON e.originator_id "
                             "= f.person_id AND e.originator_version = f.version WHERE {} "
                             "ORDER BY f.at DESC, e.notification_id LIMIT %s").format(
                                 self.table, self.events, SQL(" AND ").join(where)),
                         [*values, limit], prepare=False)
            return [(row["person_id"], row["version"]) for row in curs.fetchall()]

    def stored(self, pairs: list[tuple[UUID, int]]) -> list[StoredEvent]:
        """The stored reads at these (stream, version) pairs, in the pairs' order."""
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(SQL(
                "SELECT originator_id, originator_version, topic, state FROM {} WHERE "
                "(originator_id, originator_version) IN (SELECT * FROM unnest(%s::uuid[], "
                "%s::bigint[]))").format(self.events),
                ([p for p, _ in pairs], [v for _, v in pairs]), prepare=False)
            found = {(row["originator_id"], row["originator_version"]): StoredEvent(
                originator_id=row["originator_id"], originator_version=row["originator_version"],
                topic=row["topic"], state=bytes(row["state"])) for row in curs.fetchall()}
        return [found[pair] for pair in pairs if pair in found]


def flagged_row(event: StoredEvent) -> tuple[UUID, int, str | None, str] | None:
    """A read's row if it is flagged for review, else None."""
    if event.topic != READ_TOPIC:
        return None
    state = json.loads(event.state)
    if not state.get("break_glass"):
        return None
    person_id = event.originator_id
    assert isinstance(person_id, UUID)
    return person_id, event.originator_version, state.get("provider_id"), state["at"]["_data_"]
