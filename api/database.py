"""Where the log lives: ``DATABASE_URL`` when set, else an embedded PostgreSQL under ``.ledger/``."""

from __future__ import annotations

import atexit
import fcntl
import os
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from psycopg.conninfo import conninfo_to_dict

DATA_DIR = Path(os.environ.get("LEDGER_HOME", ".ledger"))
# initdb and a first start can take minutes on a busy two-core machine; pgserver alone gives up at 10 s
START_TIMEOUT = 300.0
_embedded: list[Any] = []  # keeps the embedded servers' handles alive for the process


def database_url() -> str:
    """The PostgreSQL server to use, starting the embedded one when none is configured."""
    url = os.environ.get("DATABASE_URL")
    return url if url else embedded_url(DATA_DIR / "pgdata")


def embedded_url(pgdata: Path, timeout: float = START_TIMEOUT) -> str:
    """Start (or join) the embedded PostgreSQL whose data lives in ``pgdata``.

    Processes sharing ``pgdata`` take turns on a lock beside it: the first starts the server,
    the others join it. A start slower than pgserver's own 10 s is waited out until ``timeout``.
    """
    pgdata = pgdata.resolve()
    pgdata.mkdir(parents=True, exist_ok=True)
    with _held(pgdata.with_name(pgdata.name + ".lock")):
        server = _started(pgdata, time.monotonic() + timeout)
    _embedded.append(server)
    return str(server.get_uri())


def stop_embedded() -> None:
    """Let go of the embedded servers this process joined; the last process to let go stops each."""
    while _embedded:
        _embedded.pop().cleanup()


@contextmanager
def _held(lock_file: Path) -> Iterator[None]:
    with lock_file.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _started(pgdata: Path, deadline: float) -> Any:
    """pgserver's handle on the running server, retrying while a slow start completes."""
    from pgserver import postgres_server, utils

    while True:
        try:
            return postgres_server.get_server(pgdata, cleanup_mode="stop")
        except (subprocess.TimeoutExpired, AssertionError):  # pg_ctl timed out, or not ready yet
            failed = postgres_server.PostgresServer._instances.pop(pgdata, None)
            if failed is not None:  # its exit hook would otherwise drop this process's good handle
                atexit.unregister(failed._cleanup)
            if time.monotonic() > deadline:
                raise
            _wait_while_starting(pgdata, deadline, utils.PostmasterInfo)


def _wait_while_starting(pgdata: Path, deadline: float, postmaster: Any) -> None:
    """Until the server whose start timed out is ready (or gone), or the deadline passes."""
    while time.monotonic() < deadline:
        try:
            info = postmaster.read_from_pgdata(pgdata)
        except (OSError, ValueError, IndexError):  # postmaster.pid half written
            info = None
        else:
            if info is None or not info.is_running() or info.status == "ready":
                return
        time.sleep(0.5)


def store_env(url: str, schema: str | None = None) -> dict[str, str]:
    """The eventsourcing settings for a server URL (and optionally a schema within it)."""
    parts = conninfo_to_dict(url)
    env = {
        "PERSISTENCE_MODULE": "eventsourcing.postgres",
        "POSTGRES_DBNAME": str(parts.get("dbname", "postgres")),
        "POSTGRES_HOST": str(parts.get("host", "127.0.0.1")),
        "POSTGRES_PORT": str(parts.get("port", "5432")),
        "POSTGRES_USER": str(parts.get("user", "postgres")),
        "POSTGRES_PASSWORD": str(parts.get("password", "")),
        "POSTGRES_LOCK_TIMEOUT": os.environ.get("LEDGER_LOCK_TIMEOUT", "5"),
        "POSTGRES_CONNECT_TIMEOUT": os.environ.get("LEDGER_POOL_TIMEOUT", "5"),
        "LEDGER_CONNECT_TIMEOUT": os.environ.get("LEDGER_CONNECT_TIMEOUT", "5"),
        "LEDGER_STATEMENT_TIMEOUT": os.environ.get("LEDGER_STATEMENT_TIMEOUT", "30"),
        "LEDGER_REQUEST_DEADLINE": os.environ.get("LEDGER_REQUEST_DEADLINE", "60"),
        "POSTGRES_PRE_PING": "y",
        # Never the library's insert function, whatever the environment says: it takes no write
        # lock (commit order would stop being notification order, and a projection could skip a
        # late commit) and bypasses the ledger's hash chain.
        "POSTGRES_ENABLE_DB_FUNCTIONS": "n",
        "POSTGRES_POOL_SIZE": os.environ.get("LEDGER_POOL_SIZE", "8"),
        "POSTGRES_MAX_OVERFLOW": "8",
    }
    from api.keys import identity_key

    env["LEDGER_IDENTITY_KEY"] = identity_key()
    schema = schema or os.environ.get("LEDGER_SCHEMA")
    if schema:
        env["POSTGRES_SCHEMA"] = schema
    return env
