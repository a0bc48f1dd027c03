"""Refused story reads, counted per reader in fixed windows, so that probing ids is bounded and
seen: a provider's staff member (or a person's token) refused more than ``limit`` story reads
within a window gets 429 for every further read it would be refused until the window ends.

A table beside the access log, shared by every server process: one row per reader per window,
holding the provider and staff id (``self`` and the story's id for a person), how many reads
were refused, how many of them past the limit, and when the first and last of those came; never
which ids were asked for. Windows that ended without passing the limit are deleted as new ones
are counted; a window that passed it is kept, for the privacy officer (``GET /refused-reads``).
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta
from typing import Any

from psycopg.sql import SQL

from commands.side_table import SideTable

COUNT = """INSERT INTO {} AS t VALUES (%(provider)s, %(staff)s, %(start)s, %(end)s, %(role)s, 1,
  %(over)s::int, CASE WHEN %(over)s THEN %(now)s::timestamptz END,
  CASE WHEN %(over)s THEN %(now)s::timestamptz END)
ON CONFLICT (provider_id, staff_id, window_start) DO UPDATE SET role = %(role)s,
  refused = t.refused + 1,
  limited = t.limited + (t.refused >= %(limit)s)::int,
  first_limited_at = CASE WHEN t.refused >= %(limit)s
                          THEN coalesce(t.first_limited_at, %(now)s) END,
  last_limited_at = CASE WHEN t.refused >= %(limit)s THEN %(now)s ELSE t.last_limited_at END
RETURNING refused"""
LIMITED = """SELECT role, provider_id, staff_id, window_start, window_end, refused, limited,
  first_limited_at, last_limited_at FROM {} WHERE limited > 0
  AND (%(provider)s::text IS NULL OR provider_id = %(provider)s)
  AND (%(since)s::timestamptz IS NULL OR first_limited_at >= %(since)s)
  AND (%(until)s::timestamptz IS NULL OR first_limited_at <= %(until)s)
ORDER BY first_limited_at DESC, provider_id, staff_id LIMIT %(count)s"""


def window_of(now: datetime, window: timedelta) -> tuple[datetime, datetime]:
    """The fixed window ``now`` falls in: its start and its end."""
    seconds = window.total_seconds()
    start = datetime.fromtimestamp(math.floor(now.timestamp() / seconds) * seconds, UTC)
    return start, start + window


class RefusedReads(SideTable):
    """How many story reads each reader was refused in each window."""

    SUFFIX = "refused_reads"
    COLUMNS = ("provider_id text NOT NULL, staff_id text NOT NULL, window_start timestamptz NOT NULL, "
               "window_end timestamptz NOT NULL, role text NOT NULL, refused int NOT NULL, "
               "limited int NOT NULL, first_limited_at timestamptz, last_limited_at timestamptz, "
               "PRIMARY KEY (provider_id, staff_id, window_start)")

    def count(self, role: str, reader: tuple[str, str], now: datetime, limit: int,
              window: timedelta) -> tuple[int, int]:
        """Count one refused read of ``reader`` (provider, staff); answers the reader's refused
        reads in this window (this one included) and the whole seconds until the window ends."""
        start, end = window_of(now, window)
        values = {"provider": reader[0], "staff": reader[1], "start": start, "end": end,
                  "role": role, "now": now, "limit": limit, "over": limit < 1}
        with self.datastore.transaction(commit=True) as curs:
            curs.execute(SQL("DELETE FROM {} WHERE window_end <= %s AND limited = 0")
                         .format(self.table), (now,), prepare=False)
            curs.execute(SQL(COUNT).format(self.table), values, prepare=False)
            row = curs.fetchone()
        return (int(row["refused"]) if row else 1), max(math.ceil((end - now).total_seconds()), 1)

    def limited(self, provider_id: str | None, since: datetime | None, until: datetime | None,
                count: int) -> list[dict[str, Any]]:
        """The windows in which a reader passed the limit, newest first."""
        values = {"provider": provider_id, "since": since, "until": until, "count": count}
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(SQL(LIMITED).format(self.table), values, prepare=False)
            return [dict(row) for row in curs.fetchall()]
