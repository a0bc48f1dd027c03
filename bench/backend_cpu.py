"""PostgreSQL's CPU time for one server process's connections, when PostgreSQL runs on this
machine: the backends whose client ports are the server process's TCP sockets (found in
``/proc``, then in ``pg_stat_activity``), and their user and system time from ``/proc``.

Other sessions' backends on the same PostgreSQL are left out, so ``bench.route_cpu`` can report
what a request costs PostgreSQL beside what it costs the server. A backend that closes during a
run is missed (the pool keeps its connections open through a run).
"""

from __future__ import annotations

import os
from pathlib import Path

import psycopg

TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """A process's user and system CPU time so far (0 when it is gone or not readable)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICK


def local_ports(pid: int) -> set[int]:
    """The local ports of the process's TCP sockets."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    ports = set()
    for table in ("tcp", "tcp6"):
        for line in Path(f"/proc/{pid}/net/{table}").read_text().splitlines()[1:]:
            columns = line.split()
            if columns[9] in inodes:
                ports.add(int(columns[1].rsplit(":", 1)[1], 16))
    return ports


def backends_of(url: str, pid: int) -> list[int]:
    """The PostgreSQL backends serving the process's connections."""
    ports = sorted(local_ports(pid))
    with psycopg.connect(url, autocommit=True) as conn:
        rows = conn.execute("SELECT pid FROM pg_stat_activity WHERE client_port = ANY(%s)",
                            (ports,)).fetchall()
    return [row[0] for row in rows]


def backend_seconds(url: str, pid: int) -> dict[int, float]:
    """Each of the process's backends and its CPU time so far."""
    return {backend: cpu_seconds(backend) for backend in backends_of(url, pid)}


def spent_since(url: str, pid: int, before: dict[int, float]) -> float:
    """The CPU seconds the process's backends spent since ``before`` (``backend_seconds``)."""
    now = backend_seconds(url, pid)
    return sum(seconds - before.get(backend, 0.0) for backend, seconds in now.items())
