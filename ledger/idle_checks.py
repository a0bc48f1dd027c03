"""Checking a pooled connection only when it sat idle, not at every borrow.

The library's ``POSTGRES_PRE_PING`` sends an empty query each time a connection is borrowed from
the pool: a round trip that was 14-18% of an append and one of a list page's four. A connection
borrowed again within ``IDLE_CHECK_SECONDS`` of its last borrow is used as it is; one that sat
longer (through a restart of PostgreSQL, say) is pinged first, and a broken one is replaced by
the pool. A busy connection that breaks fails its statement instead, the pool discards it
(psycopg_pool drops a connection returned broken), and the callers' retries take another: as
before, since a ping never covered a break between the ping and the statement.

Domain-free, so that both the write side (``commands``) and the figures' readers
(``projections``) check their pools the same way without importing each other.
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable
from typing import Any

from psycopg_pool import ConnectionPool

IDLE_CHECK_SECONDS = 1.0


def check_when_idle(idle_seconds: float = IDLE_CHECK_SECONDS) -> Callable[[Any], None]:
    """A pool's ``check``: ping a connection only if it was last borrowed ``idle_seconds`` ago or
    more (a new one was just made, and is not pinged)."""
    borrowed_at: weakref.WeakKeyDictionary[Any, float] = weakref.WeakKeyDictionary()

    def check(connection: Any) -> None:
        now = time.monotonic()
        last = borrowed_at.get(connection)
        borrowed_at[connection] = now
        if last is not None and now - last >= idle_seconds:
            ConnectionPool.check_connection(connection)

    return check


def check_idle_only(datastore: Any, idle_seconds: float = IDLE_CHECK_SECONDS) -> None:
    """Make a library datastore's pool (not yet open) check connections only when idle."""
    datastore.pool._check = check_when_idle(idle_seconds)  # psycopg_pool takes it only when made
    datastore.pre_ping = False
