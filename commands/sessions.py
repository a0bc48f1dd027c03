"""How the ledger's database sessions behave, whatever the library's defaults.

* No server-side prepared statements: the library writes in pipeline mode, and a statement that
  psycopg prepares after an earlier statement of the same pipeline failed (a lost race for a
  version, a lock timeout) is never prepared on the server, yet psycopg remembers it as prepared;
  the connection's next use then fails with ``prepared statement "_pg3_N" does not exist``.
* A ``statement_timeout`` on every session (``LEDGER_STATEMENT_TIMEOUT`` seconds, default 30), so
  no statement holds a connection, or the log's write lock, without bound.
* A ``connect_timeout`` (``LEDGER_CONNECT_TIMEOUT`` seconds) on each new connection, so a server
  that accepts but never answers (paused, overloaded) is given up on instead of waited for.
* A connection is checked (an empty query) only when it is borrowed after sitting idle, not at
  every borrow (``ledger.idle_checks``).
"""

from __future__ import annotations

from typing import Any

from ledger.idle_checks import check_idle_only

STATEMENT_TIMEOUT_SECONDS = "30"
CONNECT_TIMEOUT_SECONDS = "5"


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
    check_idle_only(datastore)
    return factory
