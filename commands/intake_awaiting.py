"""The self-referrals awaiting confirmation, as a table kept in the intake's own transactions.

The Hub's intake list and the Hub's waiting list asked the intake for its awaiting requests by
reading the intake's whole log and replaying it (every request ever received, confirmed or not),
so their cost grew with the intake's history. Now the intake's recorder keeps one row per
awaiting request (its id, reference, urgency and arrival; never what the person wrote), added in
the transaction that stores its ``Received`` and removed in the one that stores its
``Confirmed``; a list reads the rows in order and then only those requests' first events. A
deployment whose intake predates the table gets it filled from the log when the table is made
(``CREATE TABLE ... AS``, once). ``awaiting_in_log`` is the replay this replaced, kept as the
check that the table says what the log says.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from eventsourcing.persistence import StoredEvent
from psycopg.sql import SQL, Composed, Literal

from commands.log_side_table import LogSideTable
from ledger.intake import CONFIRMED_TOPIC, RECEIVED_TOPIC


class AwaitingRequests(LogSideTable):
    """``<events table>_awaiting``: each request received and not yet confirmed."""

    SUFFIX = "awaiting"

    def create_statements(self) -> list[Composed]:
        """The table, filled from the log when it is first made, and its two indexes."""
        return [self.filled(
            "SELECT e.originator_id AS request_id, ({state}->>'reference')::text AS reference, "
            "({state}->>'urgent')::boolean AS urgent, "
            "({state}->'timestamp'->>'_data_')::timestamptz AS received_at FROM {events} e "
            "WHERE e.topic = {received} AND NOT EXISTS (SELECT 1 FROM {events} c WHERE "
            "c.originator_id = e.originator_id AND c.topic = {confirmed})",
            received=Literal(RECEIVED_TOPIC), confirmed=Literal(CONFIRMED_TOPIC)),
                self.index("key", "request_id", unique=True),
                self.index("order", "urgent DESC, received_at, reference")]

    def follow(self, curs: Any, stored_events: Sequence[StoredEvent]) -> None:
        """Add the requests these events receive and remove those they confirm, in the caller's
        transaction (a repeat of the same event changes nothing)."""
        for event in stored_events:
            if event.topic == RECEIVED_TOPIC:
                state = json.loads(event.state)
                curs.execute(SQL("INSERT INTO {} (request_id, reference, urgent, received_at) "
                                 "VALUES (%s, %s, %s, %s) ON CONFLICT DO NOTHING").format(self.table),
                             (event.originator_id, state["reference"], bool(state["urgent"]),
                              state["timestamp"]["_data_"]), prepare=False)
            elif event.topic == CONFIRMED_TOPIC:
                curs.execute(SQL("DELETE FROM {} WHERE request_id = %s").format(self.table),
                             (event.originator_id,), prepare=False)

    def first_events(self) -> list[StoredEvent]:
        """The ``Received`` of every awaiting request, urgent first, then oldest first."""
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(SQL(
                "SELECT e.originator_id, e.originator_version, e.topic, e.state FROM {} a JOIN {} e "
                "ON e.originator_id = a.request_id AND e.topic = {} "
                "ORDER BY a.urgent DESC, a.received_at, a.reference").format(
                    self.table, self.events, Literal(RECEIVED_TOPIC)), prepare=False)
            return [StoredEvent(originator_id=row["originator_id"],
                                originator_version=row["originator_version"], topic=row["topic"],
                                state=bytes(row["state"])) for row in curs.fetchall()]
