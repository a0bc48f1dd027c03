"""The ledger's own server for a benchmark: ``ledger serve`` in its own process, on a free port.

It serves the benchmark's schema with the benchmark's keys, with as many processes as the
command offers (``--workers``, when the installed ``ledger serve`` has it), and is stopped (by
its own process id) when the block ends. Its connections to PostgreSQL carry the application name
``served_name(base)`` and it is listed in ``SERVED`` while it runs, so that the load generator's
runs against it can count the CPU of its processes and of their backends (``bench.cpu_parties``).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from api.settings import Settings

LEDGER = Path(sys.executable).with_name("ledger")
SERVED: dict[str, tuple[int, str]] = {}
"""Each running server's base URL: its process id and the database URL it serves."""


def served_name(base: str) -> str:
    """The application name of the connections of the server at ``base`` (its port's)."""
    return f"bench-serve-{base.rsplit(':', 1)[1]}"


def free_port() -> int:
    """A TCP port nobody listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def server_env(url: str, settings: Settings) -> dict[str, str]:
    """The environment ``ledger serve`` reads: the database, the schema and the three keys."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEDGER_")}
    env.update(DATABASE_URL=url, LEDGER_SCHEMA=settings.schema_name)
    for field in ("signing_key", "identity_key", "master_key"):
        secret = getattr(settings, field)
        assert secret is not None, f"a benchmark names its own {field}"
        env[f"LEDGER_{field.upper()}"] = secret.get_secret_value()
    return env


def worker_option(processes: int) -> list[str]:
    """``--workers N`` if this ledger's ``serve`` takes it, else nothing (one process)."""
    usage = subprocess.run([str(LEDGER), "serve", "--help"], capture_output=True, text=True,
                           timeout=60, check=False).stdout
    return ["--workers", str(processes)] if "--workers" in usage else []


def processes_of(option: list[str]) -> int:
    """How many server processes an option list asks for."""
    return int(option[1]) if option else 1


@contextmanager
def serving(url: str, settings: Settings, option: list[str], timeout: float = 300,
            extra: dict[str, str] | None = None) -> Iterator[str]:
    """Serve until the block ends (``extra`` added to its environment); yields the base URL
    once ``/health`` answers 200."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    command = [str(LEDGER), "serve", "--port", str(port), *option]
    env = {**server_env(url, settings), "PGAPPNAME": served_name(base), **(extra or {})}
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    SERVED[base] = (server.pid, url)
    try:
        deadline = time.monotonic() + timeout
        while not healthy(base):
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"ledger serve did not start (exit {server.poll()})")
            time.sleep(0.25)
        yield base
    finally:
        SERVED.pop(base, None)
        os.killpg(server.pid, signal.SIGTERM)  # its own session: the server and its workers
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def healthy(base: str) -> bool:
    """Whether the server answers its health check."""
    try:
        return httpx.get(f"{base}/health", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False
