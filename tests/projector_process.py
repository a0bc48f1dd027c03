"""``ledger project`` in a process of its own, for the projector fault tests: started, SIGKILLed
and stopped at will, and whether a projector batch transaction is open on the server right now."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import psycopg
from console_script import LEDGER

BATCH = "10"  # events per projector transaction: small, so a kill often lands inside one


class Worker:
    """``ledger project`` (following) over the test's schema, in a process of its own."""

    def __init__(self, database_url: str, schema: str, home: Path) -> None:
        self.env = {**os.environ, "DATABASE_URL": database_url, "LEDGER_SCHEMA": schema,
                    "LEDGER_HOME": str(home / ".ledger")}
        self.log = home / "project.log"
        self.process: subprocess.Popen[bytes] | None = None
        self.starts = 0

    def start(self) -> None:
        with self.log.open("ab") as log:
            self.process = subprocess.Popen([LEDGER, "project", "--batch-size", BATCH], env=self.env,
                                            stdout=subprocess.DEVNULL, stderr=log)
        self.starts += 1

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> int:
        """SIGTERM: the worker finishes its batch and exits; answers its exit status."""
        assert self.process is not None
        self.process.terminate()
        return self.process.wait(timeout=30)


OPEN_BATCH = """SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid()
AND xact_start IS NOT NULL AND (backend_xid IS NOT NULL OR state = 'idle in transaction')
AND (query LIKE %s OR query LIKE '%%pg_advisory_xact_lock%%')"""


def batch_open(conn: psycopg.Connection[tuple[int]], schema: str) -> bool:
    """Whether a projector's batch transaction (advisory lock, fact rows, tracking) is open now."""
    row = conn.execute(OPEN_BATCH, (f'%"{schema}"."figures_%',)).fetchone()
    return row is not None and row[0] > 0


def await_open_batch(conn: psycopg.Connection[tuple[int]], schema: str, seconds: float) -> bool:
    """Poll until a batch transaction is seen open (True), or give up after ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if batch_open(conn, schema):
            return True
    return False
