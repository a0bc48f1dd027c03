"""Appends through the commands, no HTTP: ``python -m bench.group_commit_rate [seconds] [--summary]``.

Sixteen threads each append contacts to four people of their own, on a scratch schema, for the
seconds given (default 6); printed as one JSON line: appends a second, their p50 and p99, the
median time a batch holds the write turn and the saves a batch carries. It isolates the write
path (group commit, the chain, the insert) from HTTP, for before/after comparisons of it. With
``--summary`` each contact gives a summary: sealed text, which the write turn checks is not for
a person erased meanwhile (``commands.erased_check``).
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from uuid import UUID, uuid4

from api.deployment.database import store_env
from bench.scratch import ScratchSchemas
from bench.suite import bench_settings
from commands import Ledger
from ledger.event_lines import occurrence_of

WRITERS, PEOPLE_EACH = 16, 4
WHEN = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)
PERSON = {"given_name": "Ada", "family_name": "Example", "birth_date": "1990-04-01"}
HUB = {"name": "Hub", "tier": "community", "service": "hub", "unit_cost_gbp": "38.00",
       "bed_day_cost_gbp": "0"}


def contact(contact_id: str, summary: str | None = None) -> Any:
    data = {"contact_id": contact_id, "channel": "telephone", "attendance": "attended",
            "purpose": "drop_in", "duration_minutes": 20}
    if summary is not None:
        data["summary"] = summary
    return occurrence_of("ContactRecorded", WHEN, "hub", "s-1", data)


def timed_batches(ledger: Ledger, holds: list[float], sizes: list[int]) -> None:
    """Time each batch group commit writes (the write turn's hold) and count its saves."""
    group = ledger.log_recorder.group
    write_batch: Callable[[Any], Any] = group.write_batch

    def timed(groups: Any) -> Any:
        started = time.perf_counter()
        try:
            return write_batch(groups)
        finally:
            holds.append((time.perf_counter() - started) * 1000)
            sizes.append(len(groups))
    group.write_batch = timed


def appends(ledger: Ledger, people: list[UUID], seconds: float,
            summary: str | None = None) -> dict[str, Any]:
    """The writers' rate and latencies over ``seconds``, with the batches' figures."""
    latencies: list[float] = []
    holds: list[float] = []
    sizes: list[int] = []
    timed_batches(ledger, holds, sizes)
    stop = time.monotonic() + seconds

    def write(writer: int) -> None:
        count = 0
        while time.monotonic() < stop:
            started = time.perf_counter()
            ledger.append(people[writer * PEOPLE_EACH + count % PEOPLE_EACH],
                          [contact(f"c-{writer}-{count}", summary)])
            latencies.append((time.perf_counter() - started) * 1000)
            count += 1
    threads = [threading.Thread(target=write, args=(n,)) for n in range(WRITERS)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    took = time.monotonic() - began
    latencies.sort()
    return {"appends_per_s": round(len(latencies) / took, 1),
            "p50_ms": round(latencies[len(latencies) // 2], 2),
            "p99_ms": round(latencies[int(len(latencies) * 0.99)], 2),
            "turn_hold_p50_ms": round(sorted(holds)[len(holds) // 2], 2),
            "saves_per_batch": round(sum(sizes) / max(len(sizes), 1), 1),
            "load_average": os.getloadavg()}


def main() -> None:
    """Register the Hub and the people, then run the writers and print the figures."""
    numbers = [arg for arg in sys.argv[1:] if not arg.startswith("--")]
    seconds = float(numbers[0]) if numbers else 6.0
    summary = "Talked about rent." if "--summary" in sys.argv else None
    url = os.environ["DATABASE_URL"]
    with ScratchSchemas(url) as schemas:
        ledger = Ledger(env=store_env(url, bench_settings(schemas.new("group_commit"))))
        try:
            ledger.register_provider(occurrence_of("ProviderRegistered", WHEN, "hub", "admin", HUB))
            people = [uuid4() for _ in range(WRITERS * PEOPLE_EACH)]
            for person_id in people:
                ledger.register_person(person_id, occurrence_of("PersonRegistered", WHEN, "hub",
                                                                "s-1", PERSON))
            print(json.dumps(appends(ledger, people, seconds, summary)), flush=True)
        finally:
            ledger.close()


if __name__ == "__main__":
    main()
