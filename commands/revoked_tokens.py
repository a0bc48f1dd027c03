"""The revocation list: token ids an administrator has withdrawn before their expiry.

A table beside the ledger's events; rows hold only the token's id, when it expires and who revoked
it, never a token. Every authenticated request asks whether its token was revoked, so each process
keeps the unexpired revoked ids in memory instead of asking the table: loaded whole at the first
question, then refreshed at most every ``POLL_SECONDS`` (one query for the revocations of
the last minute, asked by the request that finds the list older than that, before it is answered;
the whole list again after a longer silence). A revocation therefore takes effect in the process
that took it at once, and in every other process within ``POLL_SECONDS`` (one second) of its
commit. An expired token is refused by its signature's expiry anyway, so expired ids are dropped.
``known`` answers from memory without waiting, or not at all: a request served on an event loop
asks it there, and ``is_revoked`` (which may ask the table) only from a worker thread.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime
from typing import Any

from psycopg.sql import SQL

from commands.side_table import SideTable

POLL_SECONDS = 1.0
WINDOW_SECONDS = 60.0  # longer than any revoking transaction (statement timeout 30 s)
RELOAD_AFTER = 30.0  # a silence longer than this (half the window) reloads the whole list
WHOLE = "SELECT token_id, expires_at FROM {} WHERE expires_at > now()"
LATELY = ("SELECT token_id, expires_at FROM {} WHERE revoked_at > now() - "
          "make_interval(secs => %s)")


class RevokedTokens(SideTable):
    """Withdrawn token ids, asked on every authenticated request, kept in memory per process."""

    SUFFIX = "revoked_tokens"
    COLUMNS = ("token_id text PRIMARY KEY, expires_at timestamptz NOT NULL, "
               "revoked_by text NOT NULL, revoked_at timestamptz NOT NULL DEFAULT now()")

    def __init__(self, datastore: Any, events_table: str, every: float = POLL_SECONDS) -> None:
        super().__init__(datastore, events_table)
        self.every = every
        self._revoked: dict[str, datetime] = {}  # token id -> its expiry
        self._polled: float | None = None  # monotonic time of the last look at the table
        self._lock = threading.Lock()

    def revoke(self, token_id: str, expires_at: datetime, revoked_by: str) -> None:
        """Withdraw a token id (revoking twice is the same as once): refused here at once."""
        with self.datastore.transaction(commit=True) as curs:
            curs.execute(SQL("INSERT INTO {} (token_id, expires_at, revoked_by) VALUES (%s, %s, %s) "
                             "ON CONFLICT DO NOTHING").format(self.table),
                         (token_id, expires_at, revoked_by), prepare=False)
        with self._lock:
            self._revoked[token_id] = expires_at

    def is_revoked(self, token_id: str) -> bool:
        """Whether the token id was withdrawn, as this process knew at most ``every`` seconds ago."""
        with self._lock:
            now = time.monotonic()
            if self._polled is None or now - self._polled >= self.every:
                self._refresh(whole=self._polled is None or now - self._polled >= RELOAD_AFTER)
                self._polled = now
            return token_id in self._revoked

    def known(self, token_id: str) -> bool | None:
        """``is_revoked``'s answer when it needs no look at the table (the list is fresh and no
        other request is refreshing it), without waiting; None when only ``is_revoked`` can tell."""
        if not self._lock.acquire(blocking=False):
            return None
        try:
            if self._polled is None or time.monotonic() - self._polled >= self.every:
                return None
            return token_id in self._revoked
        finally:
            self._lock.release()

    def _refresh(self, whole: bool) -> None:
        """Add the revocations of the last minute (or every unexpired one); drop the expired."""
        statement = WHOLE if whole else LATELY
        with self.datastore.cursor() as curs:  # one statement: no transaction block
            curs.execute(SQL(statement).format(self.table), () if whole else (WINDOW_SECONDS,),
                         prepare=False)
            found = {row["token_id"]: row["expires_at"] for row in curs.fetchall()}
        if whole:
            self._revoked = found
            return
        self._revoked.update(found)
        moment = datetime.now(UTC)
        for token_id in [t for t, expires in self._revoked.items() if expires <= moment]:
            del self._revoked[token_id]
