"""`ledger import` of two source trees, back to back on the same file, each beside raw rows.

    git archive <commit> | tar -x -C /tmp/before
    .venv/bin/python -m bench.import_compare --lines 100000 --rounds 3 --tree /tmp/before --tree .
    .venv/bin/python -m bench.import_compare --lines 20000 --rounds 3 --tree . --keyed
    .venv/bin/python -m bench.import_compare --lines 200000 --rounds 3 --tree . --workers 0 --workers 1

Each round imports the same simulated file once per tree (``ledger import FILE`` in its own
process, the tree first on ``PYTHONPATH``, on a fresh schema), then measures raw batched rows as
wide as the events it stored, so each ratio has a baseline taken under the same load. Printed per
import: events/s, raw rows/s, their ratio, the CPU seconds of the importer and its workers, the
peak of their resident memory summed (``bench.tree_memory``) and the importer's own, how many
lines it rejected and the load. With ``--workers`` given (several times), each tree imports once
per count of line-checking workers, alternated. With ``--keyed`` each tree also imports, right
after the keyless file, the same lines carrying the simulator's idempotency keys.
"""

from __future__ import annotations

import argparse
import os
import re
import tempfile
from itertools import product
from pathlib import Path

from api.deployment.database import server_url
from api.settings import Settings
from bench.import_run import stored_width, write_borough
from bench.raw_sql import raw_insert_rate
from bench.scratch import ScratchSchemas
from bench.server import LEDGER, server_env
from bench.suite import bench_settings
from bench.tree_memory import run_measured


def imported(url: str, settings: Settings, path: Path, tree: Path,
             workers: int | None = None) -> dict[str, float]:
    """One ``ledger import`` of ``path`` with ``tree``'s code (and ``--workers``, if given):
    events, seconds, CPU, peak MB (the importer and its workers together, ``bench.tree_memory``)."""
    env = {**server_env(url, settings), "PYTHONPATH": str(tree.resolve())}
    chosen = [] if workers is None else ["--workers", str(workers)]
    run = run_measured([str(LEDGER), "import", str(path), *chosen], env=env)
    found = re.search(r"appended (\d+) events; rejected (\d+)", run.said)
    if found is None or run.exit_code not in (0, 1):
        raise RuntimeError(f"ledger import failed: {run.said[-500:]}")
    return {"events": int(found.group(1)), "rejected": int(found.group(2)), "seconds": run.seconds,
            "cpu_s": run.cpu_s, "peak_mb": run.tree_peak_mb, "importer_peak_mb": run.own_peak_mb}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--tree", type=Path, action="append", required=True,
                        help="a source tree to import with (give two: before, after)")
    parser.add_argument("--file", type=Path, help="where to keep the simulated file "
                        "(default: a temporary one, removed after)")
    parser.add_argument("--keyed", action="store_true",
                        help="also import the same lines with idempotency keys, beside the keyless")
    parser.add_argument("--workers", type=int, action="append",
                        help="import with this many line-checking workers (give several to "
                        "alternate them; default: the importer's own)")
    args = parser.parse_args()
    url = server_url(Settings())
    with tempfile.TemporaryDirectory() as folder, ScratchSchemas(url) as schemas:
        path = args.file or Path(folder) / "borough.ndjson"
        if not path.exists():
            write_borough(path, args.lines)
        files = [("keyless", path)]
        if args.keyed:
            files.append(("keyed", Path(folder) / "keyed.ndjson"))
            write_borough(files[1][1], args.lines, keyed=True)
        for round_, tree, workers, (kind, file) in product(range(args.rounds), args.tree,
                                                           args.workers or [None], files):
            settings = bench_settings(schemas.new("compare"))
            run = imported(url, settings, file, tree, workers)
            raw = raw_insert_rate(url, rows=min(int(run["events"]), 200_000),
                                  width=stored_width(url, settings.schema_name))
            rate = run["events"] / run["seconds"]
            chosen = "" if workers is None else f" workers {workers}"
            print(f"round {round_} {tree}{chosen} {kind}: {rate:,.0f} events/s, raw {raw:,.0f} rows/s, "
                  f"ratio {rate / raw:.3f}, cpu {run['cpu_s']:.1f} s, "
                  f"peak {run['peak_mb']:.0f} MB (importer {run['importer_peak_mb']:.0f} MB), "
                  f"{run['rejected']:.0f} lines rejected, load {os.getloadavg()[0]:.1f}", flush=True)

if __name__ == "__main__":
    main()
