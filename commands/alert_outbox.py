"""The outbox of alerts to the Hub's on-call list: written in the same transaction as the
urgent self-referral that raises one, drained by a sender (``ledger send-alerts``).

Delivery is at least once: a row is marked sent only after the sender returns, and the row is
locked while it is sent, so two senders never send it at once. Each alert has its own id, which
the sender passes on (as ``Idempotency-Key``) so the receiver can drop a repeat. An alert holds
the self-referral's reference and when it was raised, never personal data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from psycopg.sql import SQL

from commands.side_table import SideTable


@dataclass(frozen=True)
class Alert:
    """One alert to send: its id, the self-referral's reference, when it was raised."""

    alert_id: UUID
    reference: str
    raised_at: datetime


class AlertOutbox(SideTable):
    """Alerts raised and not yet known to be sent."""

    SUFFIX = "alert_outbox"
    COLUMNS = ("alert_id uuid PRIMARY KEY, reference text NOT NULL, "
               "raised_at timestamptz NOT NULL DEFAULT now(), attempts int NOT NULL DEFAULT 0, "
               "last_error text, sent_at timestamptz")

    def add(self, curs: Any, alert_id: UUID, reference: str) -> None:
        """Add an alert in the caller's transaction (the same alert twice is kept once)."""
        curs.execute(SQL("INSERT INTO {} (alert_id, reference) VALUES (%s, %s) "
                         "ON CONFLICT DO NOTHING").format(self.table), (alert_id, reference),
                     prepare=False)

    def drain(self, send: Callable[[Alert], None], limit: int = 100) -> tuple[int, int]:
        """Send every unsent alert once, oldest first; answers (sent, failed). A failed alert
        stays unsent (counted, with the kind of failure) for the next drain."""
        sent = failed = 0
        tried: list[UUID] = []
        while sent + failed < limit:
            with self.datastore.transaction(commit=True) as curs:
                curs.execute(SQL(
                    "SELECT alert_id, reference, raised_at FROM {} WHERE sent_at IS NULL "
                    "AND NOT alert_id = ANY(%s) ORDER BY raised_at, alert_id LIMIT 1 "
                    "FOR UPDATE SKIP LOCKED").format(self.table), (tried,), prepare=False)
                row = curs.fetchone()
                if row is None:
                    break
                alert = Alert(row["alert_id"], row["reference"], row["raised_at"])
                tried.append(alert.alert_id)
                try:
                    send(alert)
                except Exception as error:  # any failure of the sender: try again later
                    failed += 1
                    curs.execute(SQL("UPDATE {} SET attempts = attempts + 1, last_error = %s "
                                     "WHERE alert_id = %s").format(self.table),
                                 (type(error).__name__, alert.alert_id), prepare=False)
                    continue
                sent += 1
                curs.execute(SQL("UPDATE {} SET attempts = attempts + 1, sent_at = now() "
                                 "WHERE alert_id = %s").format(self.table),
                             (alert.alert_id,), prepare=False)
        return sent, failed

    def unsent(self) -> int:
        """How many alerts wait to be sent."""
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(SQL("SELECT count(*) AS n FROM {} WHERE sent_at IS NULL").format(self.table),
                         prepare=False)
            row = curs.fetchone()
        return int(row["n"]) if row else 0
