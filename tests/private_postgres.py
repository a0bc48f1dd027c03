"""A PostgreSQL server of a test's own (initdb + pg_ctl in a temporary directory), to crash at will.

Never the machine's shared server: these tests stop, crash and pause the server they use.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import psycopg

BIN = Path(os.environ.get("LEDGER_PG_BIN", "/usr/lib/postgresql/15/bin"))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PrivatePostgres:
    """One throwaway server: start, crash (immediate stop), pause and resume, remove."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="ledger-pg-"))
        self.pgdata, self.port = self.root / "pgdata", _free_port()
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"
        self._as_owner: dict[str, Any] = {}
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            self._as_owner = {"user": "postgres"}
            self.root.chmod(0o755)
            shutil.chown(self.root, "postgres")
        self._run("initdb", "-D", str(self.pgdata), "-U", "postgres", "--auth=trust", "-E", "UTF8")

    def _run(self, tool: str, *args: str) -> None:
        subprocess.run([str(BIN / tool), *args], check=True, capture_output=True, timeout=120,
                       **self._as_owner)

    def start(self) -> None:
        """Start (or restart after a crash, replaying the WAL) and wait until it answers."""
        options = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
                   "-c max_connections=500 -c fsync=on -c synchronous_commit=on")
        self._run("pg_ctl", "-D", str(self.pgdata), "-l", str(self.root / "log"), "-o", options,
                  "-w", "-t", "60", "start")
        deadline = time.monotonic() + 30
        while True:
            try:
                psycopg.connect(self.url, connect_timeout=2).close()
                return
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def crash(self) -> None:
        """Stop at once, as a power cut would: no checkpoint, recovery from the WAL on start."""
        self._run("pg_ctl", "-D", str(self.pgdata), "-m", "immediate", "-w", "stop")

    def postmaster_pid(self) -> int:
        """The postmaster's process id (the first line of ``postmaster.pid``)."""
        return int((self.pgdata / "postmaster.pid").read_text().splitlines()[0])

    def server_pids(self) -> list[int]:
        """The postmaster and every process it started (backends, writers)."""
        postmaster = self.postmaster_pid()
        children = Path(f"/proc/{postmaster}/task/{postmaster}/children").read_text().split()
        return [postmaster, *map(int, children)]

    def pause(self) -> list[int]:
        """Freeze the whole server (SIGSTOP): it accepts connections but answers nothing."""
        pids = self.server_pids()
        for pid in pids:
            os.kill(pid, signal.SIGSTOP)
        return pids

    @staticmethod
    def resume(pids: list[int]) -> None:
        """Let a frozen server run again (SIGCONT), children first."""
        for pid in reversed(pids):
            os.kill(pid, signal.SIGCONT)

    def remove(self) -> None:
        """Stop the server if it runs and delete its files."""
        if (self.pgdata / "postmaster.pid").exists():
            subprocess.run([str(BIN / "pg_ctl"), "-D", str(self.pgdata), "-m", "immediate", "stop"],
                           capture_output=True, timeout=60, check=False, **self._as_owner)
        shutil.rmtree(self.root, ignore_errors=True)
