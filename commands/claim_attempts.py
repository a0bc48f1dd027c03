"""Failed relationship claims, counted per provider so that the proof (NHS number and birth
date) cannot be guessed by trying every birth date: after ``LIMIT`` failures within ``WINDOW``
the provider's claims wait (429). A table beside the events, shared by every server process;
rows hold the provider, the staff member and when, never what was tried."""

from __future__ import annotations

from datetime import datetime, timedelta

from psycopg.sql import SQL

from commands.side_table import SideTable

LIMIT = 10
WINDOW = timedelta(hours=1)


class ClaimAttempts(SideTable):
    """The failed claims of the last ``WINDOW``, by provider."""

    SUFFIX = "failed_claims"
    COLUMNS = "provider_id text NOT NULL, staff_id text NOT NULL, failed_at timestamptz NOT NULL"

    def failed(self, provider_id: str, staff_id: str, at: datetime) -> None:
        """Count one failed claim."""
        with self.datastore.transaction(commit=True) as curs:
            curs.execute(SQL("INSERT INTO {} VALUES (%s, %s, %s)").format(self.table),
                         (provider_id, staff_id, at), prepare=False)

    def blocked(self, provider_id: str, now: datetime) -> bool:
        """Whether the provider has used up its failed claims for now."""
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(SQL("SELECT count(*) AS n FROM {} WHERE provider_id = %s AND failed_at > %s")
                         .format(self.table), (provider_id, now - WINDOW), prepare=False)
            row = curs.fetchone()
        return bool(row and row["n"] >= LIMIT)
