"""The embedded PostgreSQL (pgserver) when no ``DATABASE_URL`` is set: started once and shared
by every process that names the same data folder (a lock beside it decides who starts it), with
a start that survives a busy machine."""

from __future__ import annotations

import atexit
import fcntl
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

# initdb and a first start can take minutes on a busy two-core machine; pgserver alone gives up at 10 s
START_TIMEOUT = 300.0
_embedded: list[Any] = []  # keeps the embedded servers' handles alive for the process


def embedded_url(pgdata: Path, timeout: float = START_TIMEOUT, connections: int | None = None) -> str:
    """Start (or join) the embedded PostgreSQL whose data lives in ``pgdata``.

    Processes sharing ``pgdata`` take turns on a lock beside it: the first starts the server,
    the others join it. A start slower than pgserver's own 10 s is waited out until ``timeout``.
    ``connections``, when given, is the least ``max_connections`` the server must allow: one
    that allows fewer is set to allow it and restarted once, under the lock (the test suite's
    servers; initdb's default is 100).
    """
    pgdata = pgdata.resolve()
    pgdata.mkdir(parents=True, exist_ok=True)
    with _held(pgdata.with_name(pgdata.name + ".lock")):
        server = _started(pgdata, time.monotonic() + timeout)
        if connections is not None:
            _allowing(server, connections)
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


def _allowing(server: Any, connections: int) -> None:
    """Restart ``server`` to allow ``connections`` clients if it allows fewer."""
    import importlib

    import psycopg

    commands: Any = importlib.import_module("pgserver._commands")  # its pg_ctl is made at import

    with psycopg.connect(str(server.get_uri()), autocommit=True) as conn:
        row = conn.execute("SHOW max_connections").fetchone()
        if row is not None and int(row[0]) >= connections:
            return
        conn.execute(f"ALTER SYSTEM SET max_connections = {int(connections)}")
    commands.pg_ctl(["-w", "-m", "fast", "restart"], pgdata=server.pgdata, user=server.system_user,
           timeout=START_TIMEOUT)
    # pgserver's handle still names the postmaster it started, now gone: the last process to let
    # go would see it not running and leave the restarted server behind (every `make test`
    # without DATABASE_URL left one running). It names the new one.
    server._postmaster_info = importlib.import_module("pgserver.utils").PostmasterInfo.read_from_pgdata(
        server.pgdata)


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
