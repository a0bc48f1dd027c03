"""The import benchmark: ``ledger import`` of a simulated borough's file in its own process.

Its rate and its peak memory beside the raw-SQL rate of rows as wide as the stored events, 1000
rows per commit, in the same run. The memory is read from ``/proc`` while it runs
(``bench.tree_memory``): ``peak_rss_mb`` is the highest sum of the resident sets of the importer
and its line-checking workers, ``importer_peak_rss_mb`` the importer's own highest.
The file's lines carry no idempotency key (the ratio has always been measured so); with
``keyed`` each carries the simulator's stable key, and each key's record is stored too.
Its CPU budget (``cpu``) counts the importer's processes (``wait4``: the importer and the workers
it waited for) and its PostgreSQL backends (named ``IMPORTER``, read while they live) per event.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Any

import psycopg

from api.settings import Settings
from bench.cpu_parties import Window
from bench.raw_sql import raw_insert_rate
from bench.report import cpu_budget
from bench.server import LEDGER, server_env
from bench.tree_memory import Measured, run_measured
from simulation import simulate

IMPORTER = "bench-import"
"""The application name of the import's connections."""
EVENTS_PER_PERSON = 11
"""About how many lines the simulated borough writes per person over two years."""


def write_borough(path: Path, lines: int, seed: int = 1, keyed: bool = False) -> int:
    """The first ``lines`` lines of a simulated borough big enough to write that many."""
    written = 0
    with path.open("w") as out:
        for line in simulate(lines // EVENTS_PER_PERSON + 50, 24, seed, "2024-01", keyed=keyed):
            if written >= lines:
                break
            out.write(line + "\n")
            written += 1
    return written


def ledger_import(url: str, settings: Settings, path: Path) -> tuple[int, Measured]:
    """Events appended by ``ledger import FILE``, and its time, CPU and memory."""
    measured = run_measured([str(LEDGER), "import", str(path)],
                            env={**server_env(url, settings), "PGAPPNAME": IMPORTER})
    found = re.search(r"appended (\d+) events; rejected (\d+)", measured.said)
    if found is None or measured.exit_code != 0 or found.group(2) != "0":
        raise RuntimeError(f"ledger import failed: {measured.said[-500:]}")
    return int(found.group(1)), measured


def stored_width(url: str, schema: str) -> int:
    """The mean width in bytes of a stored event's state in ``schema``."""
    with psycopg.connect(url) as conn:
        row = conn.execute(f'SELECT avg(octet_length(state)) FROM "{schema}".ledger_events').fetchone()
    return int(row[0]) if row and row[0] is not None else 360


def run(url: str, settings: Settings, lines: int, keyed: bool = False) -> dict[str, Any]:
    """Import ``lines`` simulated lines into the settings' (empty) schema, then the raw baseline."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "borough.ndjson"
        write_borough(path, lines, keyed=keyed)
        window = Window(url, IMPORTER)
        try:
            appended, measured = ledger_import(url, settings, path)
        finally:
            spent = window.close()
    width = stored_width(url, settings.schema_name)
    raw = raw_insert_rate(url, rows=min(appended, 200_000), width=width)
    return {"ledger_events_per_s": round(appended / measured.seconds, 1),
            "raw_sql_rows_per_s": round(raw, 1), "peak_rss_mb": measured.tree_peak_mb,
            "importer_peak_rss_mb": measured.own_peak_mb, "lines": appended,
            "stored_event_bytes": width,
            "cpu": cpu_budget({"importer": measured.cpu_s, "postgres": spent["postgres"]},
                              spent["busy_s"], spent["all_s"], appended, os.cpu_count() or 1,
                              unit="event", beside={"postgres_cluster": spent["postgres_cluster"]})}
