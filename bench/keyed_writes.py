"""What an idempotency key costs a write and its repeat: ``python -m bench.keyed_writes [--writes N]``.

On a scratch schema (one provider, one person), in the command layer: ``N`` appends of a contact
with a summary under no key, ``N`` under a new key each, then the same ``N`` again (repeats: the
record read, its fingerprint opened and compared). Each side's median and least time per write,
in µs of wall time and of this process's CPU, printed as JSON with the load average before and
after. Run it on two checkouts back to back (``PYTHONPATH``) to compare them.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from uuid import uuid4

from api.deployment.database import store_env
from bench.scratch import ScratchSchemas
from bench.suite import bench_settings
from commands import Ledger
from ledger.event_lines import occurrence_of

WHEN = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)


def timed(runs: int, write: Callable[[int], Any]) -> dict[str, float]:
    """Median and least µs per call of ``write(n)``, wall and CPU."""
    wall, cpu = [], []
    for n in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        write(n)
        wall.append((time.perf_counter() - started) * 1e6)
        cpu.append((time.process_time() - started_cpu) * 1e6)
    return {"wall_median_us": round(statistics.median(wall)), "wall_least_us": round(min(wall)),
            "cpu_median_us": round(statistics.median(cpu)), "cpu_least_us": round(min(cpu))}


def contact(n: int, prefix: str) -> Any:
    data = {"contact_id": f"{prefix}-{n}", "channel": "telephone", "attendance": "attended",
            "purpose": "drop_in", "duration_minutes": 20, "summary": f"Talked about the rent, {n}."}
    return occurrence_of("ContactRecorded", WHEN, "hub", "s-1", data)


def main() -> None:
    """Measure the three kinds of write on a scratch schema; print JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writes", type=int, default=300)
    args = parser.parse_args()
    url = os.environ["DATABASE_URL"]
    before = os.getloadavg()
    with ScratchSchemas(url) as schemas:
        settings = bench_settings(schemas.new("keyed"))
        with Ledger(env=store_env(url, settings)) as ledger:
            ledger.register_provider(occurrence_of("ProviderRegistered", WHEN, "hub", "admin", {
                "name": "Hub", "tier": "community", "service": "hub", "unit_cost_gbp": "38.00",
                "bed_day_cost_gbp": "0"}))
            person = uuid4()
            ledger.register_person(person, occurrence_of("PersonRegistered", WHEN, "hub", "s-1", {
                "given_name": "Ada", "family_name": "Example", "birth_date": "1990-04-01"}))
            answer = {
                "unkeyed": timed(args.writes, lambda n: ledger.append(person, [contact(n, "u")])),
                "keyed": timed(args.writes, lambda n: ledger.append(
                    person, [contact(n, "k")], idempotency_key=f"k-{n}")),
                "repeat": timed(args.writes, lambda n: ledger.append(
                    person, [contact(n, "k")], idempotency_key=f"k-{n}")),
            }
    print(json.dumps({"writes": args.writes, **answer, "load_average": [before, os.getloadavg()]}))


if __name__ == "__main__":
    main()
