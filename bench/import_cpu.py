"""`ledger import` with its CPU counted: the importer's processes and its PostgreSQL backends.

    .venv/bin/python -m bench.import_cpu FILE --workers 0 --workers 1 --workers 2 --rounds 2
    .venv/bin/python -m bench.import_cpu FILE --tree /tmp/before --tree . --rounds 3

Each import runs on a fresh schema (``ledger import FILE`` in its own process, a tree first on
``PYTHONPATH``), its connections named by ``PGAPPNAME``. While it runs, the CPU seconds of its
process tree (the importer, its checking workers, the resource tracker) and of the backends
serving it are read from ``/proc`` four times a second, each process's last reading kept. The
two together over the wall time say how much of the machine the import got: on a saturated
machine the rate follows the CPU it spends, not how many processes spend it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import threading
import time
from itertools import product
from pathlib import Path

import psycopg

from api.deployment.database import server_url
from api.settings import Settings
from bench.scratch import ScratchSchemas
from bench.server import LEDGER, server_env
from bench.suite import bench_settings

NAME = "bench-import-cpu"
TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> tuple[int, float] | None:
    """A live process's parent and CPU seconds so far (user and system); None once gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / TICKS


def tree_of(root: int) -> dict[int, float]:
    """The CPU seconds of a process and all its descendants now."""
    found = {pid: seen for pid in map(int, filter(str.isdigit, os.listdir("/proc")))
             if (seen := cpu_seconds(pid)) is not None}
    tree, wanted = {}, [root]
    while wanted:
        pid = wanted.pop()
        if pid in found:
            tree[pid] = found[pid][1]
            wanted += [child for child, (parent, _) in found.items() if parent == pid]
    return tree


def counted(url: str, env: dict[str, str], path: Path, workers: str | None) -> dict[str, float]:
    """One import's events, wall seconds, and CPU seconds of its processes and backends."""
    command = [str(LEDGER), "import", str(path), *(["--workers", workers] if workers else [])]
    ours: dict[int, float] = {}
    backends: dict[int, float] = {}
    started = time.perf_counter()
    child = subprocess.Popen(command, env={**env, "PGAPPNAME": NAME}, stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, text=True)
    done = threading.Event()

    def watch() -> None:
        with psycopg.connect(url, autocommit=True) as conn:
            while not done.is_set():
                ours.update(tree_of(child.pid))
                for (pid,) in conn.execute("SELECT pid FROM pg_stat_activity "
                                           "WHERE application_name = %s", (NAME,)).fetchall():
                    if (seen := cpu_seconds(pid)) is not None:
                        backends[pid] = seen[1]
                time.sleep(0.25)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    said, _ = child.communicate()
    seconds = time.perf_counter() - started
    done.set()
    watcher.join()
    events = int(said.split("appended ")[1].split()[0]) if "appended " in said else 0
    return {"events": events, "seconds": seconds, "importer_cpu_s": sum(ours.values()),
            "postgres_cpu_s": sum(backends.values())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("file", type=Path)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--workers", action="append", help="a --workers value to try (repeat)")
    parser.add_argument("--tree", type=Path, action="append", help="a source tree (repeat)")
    args = parser.parse_args()
    url = server_url(Settings())
    with ScratchSchemas(url) as schemas:
        for round_, tree, workers in product(range(args.rounds), args.tree or [None],
                                             args.workers or [None]):
            env = server_env(url, bench_settings(schemas.new("cpu")))
            if tree is not None:
                env["PYTHONPATH"] = str(tree.resolve())
            run = counted(url, env, args.file, workers)
            both = run["importer_cpu_s"] + run["postgres_cpu_s"]
            print(f"round {round_} tree {tree or '-'} workers {workers or 'default'}: "
                  f"{run['events'] / run['seconds']:,.0f} events/s, importer CPU "
                  f"{run['importer_cpu_s']:.1f} s, PostgreSQL CPU {run['postgres_cpu_s']:.1f} s, "
                  f"share of a core {both / run['seconds']:.2f}, load {os.getloadavg()[0]:.1f}",
                  flush=True)


if __name__ == "__main__":
    main()
