"""Who spent a benchmark's CPU: the server, its PostgreSQL backends, the load generator, the
importer or the projector, the whole PostgreSQL cluster, and the machine (``report.cpu_budget``).

The server's processes are ``ledger serve``'s process and all its descendants. Its backends are
those whose ``pg_stat_activity.application_name`` is the server's own (``bench.server``), or a
figures leader's naming one of its processes. The cluster is the postmaster and every process
under it: the benchmark's backends and PostgreSQL's own (WAL writer, checkpointer, autovacuum),
but also any other user's work on the same cluster.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from resource import RUSAGE_CHILDREN, RUSAGE_SELF, getrusage
from typing import Any

import psycopg

from bench.cpu_budget import Sampler, descendants, readings, snapshot, spent, stat_fields
from bench.report import cpu_budget
from bench.server import SERVED, served_name

WATCH = "bench-cpu-watch"
LEADER = "ledger figures "  # projections.facts.leader: the leader's connection, and its process id


def named_backends(conn: psycopg.Connection[Any], name: str) -> list[tuple[int, str]]:
    """The backends named ``name`` or a figures leader's, with their names."""
    rows = conn.execute("SELECT pid, application_name FROM pg_stat_activity WHERE "
                        "application_name = %s OR application_name LIKE %s", (name, LEADER + "%"))
    return [(int(pid), str(found)) for pid, found in rows.fetchall()]


def postmaster(conn: psycopg.Connection[Any]) -> int:
    """The process id of the postmaster serving ``conn`` (its backend's parent)."""
    row = conn.execute("SELECT pg_backend_pid()").fetchone()
    fields = stat_fields(int(row[0])) if row else None
    return int(fields[1]) if fields else -1


def before_http(base: str) -> list[tuple[int, str]]:
    """The backends of the server at ``base`` before a run (those that end during it are lost)."""
    with psycopg.connect(SERVED[base][1], autocommit=True, application_name=WATCH) as conn:
        return named_backends(conn, served_name(base))


def http_budget(base: str, before: list[tuple[int, str]], answer: dict[str, Any], clients: int,
                target_ms: float | None) -> dict[str, Any]:
    """The CPU budget of one load generator's run (its ``cpu`` snapshots) against ``base``."""
    pid, url = SERVED[base]
    with psycopg.connect(url, autocommit=True, application_name=WATCH) as conn:
        found, master = before + named_backends(conn, served_name(base)), postmaster(conn)
    start, end = answer["cpu_before"], answer["cpu_after"]
    server = descendants(start, pid) | descendants(end, pid)
    ours = {backend for backend, name in found if name == served_name(base)
            or (name.startswith(LEADER) and name[len(LEADER):].isdigit()
                and int(name[len(LEADER):]) in server)}
    cluster = descendants(start, master) | descendants(end, master)
    first, last = readings(start), readings(end)
    own = {"server": spent(first, last, server), "postgres": spent(first, last, ours),
           "load_generator": spent(first, last, [answer["pid"]])}
    return cpu_budget(own, end["busy_s"] - start["busy_s"], end["all_s"] - start["all_s"],
                      len(answer["latencies_ms"]), os.cpu_count() or 1, clients, target_ms,
                      beside={"postgres_cluster": spent(first, last, cluster)})


def this_process_seconds() -> float:
    """This process's CPU and that of its children it has waited for, so far."""
    mine, theirs = getrusage(RUSAGE_SELF), getrusage(RUSAGE_CHILDREN)
    return mine.ru_utime + mine.ru_stime + theirs.ru_utime + theirs.ru_stime


class Window:
    """A timed window of work done by this process or a command it runs, whose connections are
    named ``name``: their backends are read while they live (they end with the work)."""

    def __init__(self, url: str, name: str) -> None:
        self.conn = psycopg.connect(url, autocommit=True, application_name=WATCH)
        self.name, self.start, self.mine = name, snapshot(), this_process_seconds()
        self.backends = Sampler(lambda: [pid for pid, found in named_backends(self.conn, name)
                                         if found == name])

    def close(self) -> dict[str, float]:
        """The seconds spent: ``postgres`` (the named backends), ``postgres_cluster``,
        ``this_process`` (with its waited-for children), and the machine's ``busy_s`` of ``all_s``."""
        backends = self.backends.stop()
        end, mine = snapshot(), this_process_seconds() - self.mine
        first, last = readings(self.start), readings(end)
        master = postmaster(self.conn)
        self.conn.close()
        cluster = descendants(self.start, master) | descendants(end, master)
        gone = [pid for pid in self.backends.last if pid not in last]
        return {"postgres": backends, "this_process": mine,
                "postgres_cluster": spent(first, last, cluster)
                + spent(self.backends.first, self.backends.last, gone),
                "busy_s": end["busy_s"] - self.start["busy_s"],
                "all_s": end["all_s"] - self.start["all_s"]}


@contextmanager
def connections_named(name: str) -> Iterator[None]:
    """Within the block, the connections this process (and what it starts) opens carry ``name``
    (libpq's ``PGAPPNAME``), unless they name themselves."""
    before = os.environ.get("PGAPPNAME")
    os.environ["PGAPPNAME"] = name
    try:
        yield
    finally:
        if before is None:
            del os.environ["PGAPPNAME"]
        else:
            os.environ["PGAPPNAME"] = before
