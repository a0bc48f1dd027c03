"""How long the staff lists take on a simulated borough, and what keeping them costs the projector:
``python -m bench.list_times --people 18000 --months 24``.

Builds the borough in a scratch schema (dropped at the end), catches the figures up (timing the
list tables' share of it), then asks each list over HTTP in process as its own staff: the busiest
team's waiting list and caseload, its busiest key worker's people, and a search by NHS number and
by name. Prints each one's median and slowest time, with the events in the store.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import Counter
from typing import Any

from fastapi.testclient import TestClient

from api.deployment.database import server_url, store_env
from api.http.app import create_app
from api.http.tokens import Caller, mint
from api.settings import Settings
from bench.scratch import ScratchSchemas
from commands import Ledger
from commands.bulk_import import BulkImport
from projections.facts import projector
from projections.facts.runner import FiguresRunner

KEY = "bench-signing-key-" + "x" * 32
TEAM = "cmht-1"
IDENTITY, MASTER = "bench-identity-key-" + "y" * 32, "bench-master-key-" + "z" * 32


def _headers(role: str, staff: str) -> dict[str, str]:
    caller = Caller.model_validate({"role": role, "provider_id": TEAM, "staff_id": staff})
    return {"Authorization": f"Bearer {mint(caller, KEY)}"}


def _timed(ask: Any, repeats: int) -> dict[str, float]:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        answer = ask()
        times.append((time.perf_counter() - start) * 1000)
        assert answer.status_code == 200, answer.text
    return {"p50_ms": round(statistics.median(times), 1), "max_ms": round(max(times), 1),
            "rows": answer.json()["count"]}


def _build(url: str, schema: str, people: int, months: int) -> tuple[Settings, dict[str, Any]]:
    from simulation import simulate

    settings = Settings(database_url=url, schema_name=schema, signing_key=KEY,
                        identity_key=IDENTITY, master_key=MASTER)
    env = store_env(url, settings)
    with Ledger(env=env) as ledger:
        lines = simulate(people, months, 5, "2024-10")
        BulkImport(ledger).run(((n, line.encode()) for n, line in enumerate(lines, 1)), lambda n: None)
        events = int(ledger.recorder.max_notification_id() or 0)
    spent = [0.0]
    refresh = projector.refresh_worklists

    def timed_refresh(*args: Any) -> None:
        start = time.perf_counter()
        refresh(*args)
        spent[0] += time.perf_counter() - start

    projector.refresh_worklists = timed_refresh  # type: ignore[assignment]
    figures, start = FiguresRunner(env), time.perf_counter()
    figures.catch_up()
    figures.stop()
    projector.refresh_worklists = refresh  # type: ignore[assignment]
    return settings, {"events_in_store": events, "catch_up_s": round(time.perf_counter() - start, 1),
                      "of_which_list_tables_s": round(spent[0], 1)}


def run(people: int, months: int, repeats: int) -> dict[str, Any]:
    """Build, catch up and time each list; answers the measurements."""
    url = server_url(Settings())
    with ScratchSchemas(url) as scratch:
        settings, found = _build(url, scratch.new("lists"), people, months)
        with TestClient(create_app(settings, projections=False)) as client:
            staff = _headers("provider", "bench")
            caseload = client.get(f"/providers/{TEAM}/caseload", headers=staff).json()["people"]
            worker = Counter(p["key_worker_staff_id"] for p in caseload
                             if p["key_worker_staff_id"]).most_common(1)[0][0]
            named = next(p for p in caseload if p["nhs_number"])
            asks = {
                "waiting_list": lambda: client.get(f"/providers/{TEAM}/waiting-list", headers=staff),
                "caseload": lambda: client.get(f"/providers/{TEAM}/caseload", headers=staff),
                "my_people": lambda: client.get(f"/key-workers/{worker}/caseload",
                                                headers=_headers("key_worker", worker)),
                "search_nhs_number": lambda: client.post(
                    "/people/search", json={"query": named["nhs_number"]}, headers=staff),
                "search_name": lambda: client.post(
                    "/people/search", json={"query": named["name"].split()[-1]}, headers=staff),
            }
            for name, ask in asks.items():
                found[name] = _timed(ask, repeats)
    return found


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=18_000)
    parser.add_argument("--months", type=int, default=24)
    parser.add_argument("--repeats", type=int, default=20)
    arguments = parser.parse_args()
    for label, value in run(arguments.people, arguments.months, arguments.repeats).items():
        print(f"{label:<24} {value}")
