"""Which process follows the log: the one holding the figures' leader lock.

With several server processes (``ledger serve --workers N``, or several servers over one
database) every process may follow, but only one at a time does: the leader, which holds a
PostgreSQL session-level advisory lock (``pg_try_advisory_lock``) on a connection of its own,
outside every pool. The others try again every ``RETRY_SECONDS``. When the leader dies its
connection closes, PostgreSQL frees the lock and the next try elsewhere takes over (within a
second or so for a process that died; within the keepalive's ~25 s for a machine that vanished).
The leader looks at its connection before each round, and stops leading the moment it is lost.

The lock is an efficiency, not the guard of correctness: every projector batch also takes a
transaction lock and checks the committed position (``projections.facts.projector``), so two
followers for a moment never count an event twice. The connection's ``application_name`` names
the leader's process id (``pg_stat_activity`` shows who leads).
"""

from __future__ import annotations

import logging
import os
import time
import zlib
from typing import Any

import psycopg

log = logging.getLogger(__name__)
RETRY_SECONDS = 1.0
APPLICATION_NAME = "ledger figures"  # and the process id: who leads is in pg_locks
# The server drops a vanished client's session (and its lock) after ~10 + 5 * 3 s of silence.
KEEPALIVES = "-c tcp_keepalives_idle=10 -c tcp_keepalives_interval=5 -c tcp_keepalives_count=3"


def leader_key(schema: str) -> int:
    """The lock's key: one per schema, apart from the projector's batch lock (``figures/...``)."""
    return zlib.crc32(f"figures-leader/{schema}".encode()) & 0x7FFFFFFF


class Leadership:
    """Tries for the leader lock on a dedicated connection; answers whether this process leads."""

    def __init__(self, datastore: Any, retry_seconds: float = RETRY_SECONDS) -> None:
        self.connect_kwargs = {key: value for key, value in datastore.pool.kwargs.items()
                               if key in ("dbname", "host", "port", "user", "password",
                                          "connect_timeout")}
        self.options = str(datastore.pool.kwargs.get("options") or "")  # the statement timeout
        self.key = leader_key(datastore.schema)
        self.retry_seconds = retry_seconds
        self.connection: psycopg.Connection[Any] | None = None
        self.leading = False
        self.next_try = 0.0

    def leads(self) -> bool:
        """Whether this process leads now: checks a held lock's connection, or tries for the lock
        (at most once per ``retry_seconds``)."""
        if self.leading:
            self.leading = self._alive()
            if not self.leading:
                log.warning("figures leader lock lost; following stops here")
        elif time.monotonic() >= self.next_try:
            self.next_try = time.monotonic() + self.retry_seconds
            self.leading = self._try_lock()
            if self.leading:
                log.info("figures leader lock taken by process %s", os.getpid())
        return self.leading

    def resign(self) -> None:
        """Let go of the lock (closing its connection frees it)."""
        self.leading = False
        if self.connection is not None:
            try:
                self.connection.close()
            finally:
                self.connection = None

    def __enter__(self) -> Leadership:
        return self

    def __exit__(self, *_: object) -> None:
        self.resign()

    def _try_lock(self) -> bool:
        try:
            if self.connection is None or self.connection.closed:
                self.connection = psycopg.connect(
                    **self.connect_kwargs, autocommit=True, options=f"{self.options} {KEEPALIVES}",
                    application_name=f"{APPLICATION_NAME} {os.getpid()}")
            row = self.connection.execute("SELECT pg_try_advisory_lock(%s)", (self.key,)).fetchone()
            return bool(row and row[0])
        except psycopg.Error:  # the database away for a moment: try again next time
            self.resign()
            return False

    def _alive(self) -> bool:
        try:
            assert self.connection is not None
            self.connection.execute("SELECT 1")
            return True
        except psycopg.Error:
            self.resign()
            return False
