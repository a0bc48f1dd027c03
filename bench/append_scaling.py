"""Appends over HTTP by server processes and clients: ``python -m bench.append_scaling``.

For each number of server processes (1, and 2 when ``ledger serve`` offers ``--workers``) and of
clients (1 and 16), ``append_http`` (appends beside the same server's HTTP floor), on a scratch
schema holding a small imported borough (its providers); printed as JSON lines with the load
average after each run and the CPU budget of the appends (``cpu``) and of the floor
(``floor_cpu``). It compares processes on one machine; ``python -m bench`` is the suite.
"""

from __future__ import annotations

import argparse
import json
import os
from typing import Any

from bench.http_runs import append_http
from bench.import_run import run as import_borough
from bench.scratch import ScratchSchemas
from bench.server import serving, worker_option
from bench.suite import bench_settings


def row(answer: dict[str, Any], processes: int) -> dict[str, Any]:
    """The figures of one run that the comparison reports."""
    ratio = answer["ledger_events_per_s"] / max(answer["http_floor_per_s"], 1e-9)
    return {"processes": processes, "clients": answer["clients"],
            "ledger_events_per_s": answer["ledger_events_per_s"],
            "http_floor_per_s": answer["http_floor_per_s"], "ratio": round(ratio, 2),
            "http_floor_p50_ms": answer["http_floor_p50_ms"],
            "http_floor_p99_ms": answer["http_floor_p99_ms"],
            "p50_ms": answer["p50_ms"], "p99_ms": answer["p99_ms"],
            "statuses": answer["statuses"], "load_average": os.getloadavg(),
            "cpu": answer.get("cpu"), "floor_cpu": answer.get("floor_cpu")}


def main() -> None:
    """Run every combination and print one JSON line each."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 16])
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    url = os.environ["DATABASE_URL"]
    with ScratchSchemas(url) as schemas:
        settings = bench_settings(schemas.new("scaling"))
        key = settings.signing_key.get_secret_value()  # type: ignore[union-attr]
        import_borough(url, settings, 2000)
        for processes in args.processes:
            option = worker_option(processes) if processes > 1 else []
            if processes > 1 and not option:
                print(json.dumps({"processes": processes, "skipped": "no --workers"}), flush=True)
                continue
            with serving(url, settings, option) as base:
                for clients in args.clients:
                    answer = append_http(base, key, clients, args.seconds, 100_000)
                    print(json.dumps(row(answer, processes)), flush=True)


if __name__ == "__main__":
    main()
