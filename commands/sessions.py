"""How the ledger's database sessions behave, whatever the library's defaults.

* No server-side prepared statements: the library writes in pipeline mode, and a statement that
  psycopg prepares after an earlier statement of the same pipeline failed (a lost race for a
  version, a lock timeout) is never prepared on the server, yet psycopg remembers it as prepared;
  the connection's next use then fails with ``prepared statement "_pg3_N" does not exist``.
* A ``statement_timeout`` on every session (``LEDGER_STATEMENT_TIMEOUT`` seconds, default 30), so
  no statement holds a connection, or the log's write lock, without bound.
* A ``connect_timeout`` (``LEDGER_CONNECT_TIMEOUT`` seconds) on each new connection, so a server
  that accepts but never answers (paused, overloaded) is given up on instead of waited for.
* A connection is checked (an empty query) when it is borrowed after ``IDLE_CHECK_SECONDS`` or
  more unused, not at every borrow (the library's ``POSTGRES_PRE_PING``: a round trip that was
  14-18% of an append). A busy connection that breaks fails its statement instead, the pool
  discards it (psycopg_pool drops a connection returned broken), and the retries that were
  already there (the library's on every recorder method, ``LedgerRecorder.insert_events``) take
  another: as before, since a ping never covered a break between the ping and the statement.
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable
from typing import Any

from psycopg_pool import ConnectionPool

STATEMENT_TIMEOUT_SECONDS = "30"
CONNECT_TIMEOUT_SECONDS = "5"
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


def tune_sessions(factory: Any, env: Any) -> Any:
    """Set the session settings on the pool of a PostgreSQL factory (before it opens); answers it."""
    datastore = getattr(factory, "datastore", None)
    if datastore is None:  # not PostgreSQL: nothing to tune
        return factory
    statement_ms = round(float(env.get("LEDGER_STATEMENT_TIMEOUT") or STATEMENT_TIMEOUT_SECONDS) * 1000)
    connect_s = max(2, round(float(env.get("LEDGER_CONNECT_TIMEOUT") or CONNECT_TIMEOUT_SECONDS)))
    datastore.pool.kwargs.update(
        prepare_threshold=None,
        options=f"-c statement_timeout={statement_ms}",
        connect_timeout=connect_s,
    )
    datastore.pool._check = check_when_idle()  # psycopg_pool takes ``check`` only when made
    datastore.pre_ping = False
    return factory
