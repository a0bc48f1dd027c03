"""Requests per client address to the public front door, counted in PostgreSQL so that every
server process shares one count. A client is kept only as a keyed hash of its address (never
the address), in fixed windows; windows that have ended are deleted as new ones are counted."""

from __future__ import annotations

import hashlib
import hmac
import math
from datetime import UTC, datetime, timedelta

from psycopg.sql import SQL

from commands.side_table import SideTable


def client_key(secret: str, address: str) -> str:
    """The keyed hash by which a client address is counted (the address is never stored)."""
    return hmac.new(secret.encode(), address.encode(), hashlib.sha256).hexdigest()[:32]


class RequestLimits(SideTable):
    """How many requests each client made in the current window."""

    SUFFIX = "request_counts"
    COLUMNS = ("client text NOT NULL, window_start timestamptz NOT NULL, requests int NOT NULL, "
               "PRIMARY KEY (client, window_start)")

    def count(self, client: str, now: datetime, window: timedelta) -> tuple[int, int]:
        """Count one request; answers the client's requests in this window and the whole seconds
        until the window ends."""
        seconds = window.total_seconds()
        start = datetime.fromtimestamp(math.floor(now.timestamp() / seconds) * seconds, UTC)
        with self.datastore.transaction(commit=True) as curs:
            curs.execute(SQL("DELETE FROM {} WHERE window_start < %s").format(self.table),
                         (start,), prepare=False)
            curs.execute(SQL(
                "INSERT INTO {} AS t VALUES (%s, %s, 1) ON CONFLICT (client, window_start) "
                "DO UPDATE SET requests = t.requests + 1 RETURNING requests").format(self.table),
                (client, start), prepare=False)
            row = curs.fetchone()
        left = math.ceil((start + window - now).total_seconds())
        return (int(row["requests"]) if row else 1), max(left, 1)
