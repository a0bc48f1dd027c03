"""A ledger served by ``ledger serve`` in a process of its own, to kill with SIGKILL and restart."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import psycopg
from api_journeys import PROVIDERS, SIGNING_KEY, bearer, provider_body
from api_server import free_port
from console_script import LEDGER


class ServedLedger:
    """``ledger serve`` on a fixed port over one schema; ``kill`` and ``start`` as often as wanted."""

    def __init__(self, database_url: str, schema: str, **settings: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.home = tempfile.mkdtemp(prefix="ledger-home-")
        self.env = {**os.environ, "DATABASE_URL": database_url, "LEDGER_SCHEMA": schema,
                    "LEDGER_SIGNING_KEY": SIGNING_KEY, "LEDGER_HOME": self.home, **settings}
        self.process: subprocess.Popen[bytes] | None = None
        self.kills = 0
        # One client for the health checks: ``httpx.get`` builds a client, and its TLS context,
        # per call (about 20 ms of CPU), which a poll every 50 ms took from the starting server.
        self.probe = httpx.Client(timeout=2)

    def start(self, timeout: float = 180) -> None:
        """Start the server and wait until its health check answers 200 (ready, however long the
        machine's load makes its start: seconds idle, tens of seconds at a load average of 25;
        ``timeout`` only ends a start that is stuck)."""
        self.process = subprocess.Popen(
            [str(LEDGER), "serve", "--port", str(self.port)], env=self.env,
            stdout=subprocess.DEVNULL, stderr=(Path(self.home) / "serve.log").open("ab"))
        deadline = time.monotonic() + timeout
        while not self._healthy():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"ledger serve did not start (exit {self.process.poll()})")
            time.sleep(0.05)

    def _healthy(self) -> bool:
        try:
            return self.probe.get(f"{self.url}/health").status_code == 200
        except httpx.HTTPError:
            return False

    def register_providers(self) -> None:
        """Put the tests' providers in the directory (once, on a fresh ledger)."""
        for code in PROVIDERS:
            answer = httpx.post(f"{self.url}/providers", json=provider_body(code),
                                headers=bearer("admin"), timeout=30)
            assert answer.status_code == 201, answer.text

    def kill(self) -> None:
        """SIGKILL the server, whatever it is doing, and reap it."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)
        self.kills += 1

    def stop(self) -> None:
        """Stop the server for good (SIGTERM, then SIGKILL if it lingers)."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)
        self.probe.close()
        shutil.rmtree(self.home, ignore_errors=True)


@contextmanager
def ledger_served(database_url: str, schema: str, **settings: str) -> Iterator[ServedLedger]:
    """``ledger serve`` started with the tests' providers registered; stopped when the block ends."""
    server = ServedLedger(database_url, schema, **settings)
    server.start()
    server.register_providers()
    try:
        yield server
    finally:
        server.stop()


@contextmanager
def ledger_served_in_new_schema(database_url: str, schema: str, **settings: str) -> Iterator[ServedLedger]:
    """``ledger_served`` over ``schema``, created for it first (on a server of the test's own)."""
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    with ledger_served(database_url, schema, **settings) as server:
        yield server
