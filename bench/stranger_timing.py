"""Can a stranger tell a real story from an unknown id by the time its 404 takes?
``python -m bench.stranger_timing [--pairs N]``.

A provider with no care relationship gets the unknown story's 404 either way
(``api.http.unknown_story``). This probe asks, one request at a time and alternating, for real
people's stories and for random ids, as a provider that cares for none of them, and reports each
side's median and 90th percentile and the share of pairs in which the real story answered more
slowly (0.5: no better than a coin). Run on its own it serves a scratch borough four times: with
the deployment's default floor and with the floor at zero (what the equal work alone leaves),
the limit on refused reads lifted, then both again with a limit of one, so that the 429s past it
are measured the same way; ``python -m bench`` runs the first at the first size. ``--route`` probes
another person's route the same way (``summary``, ``fhir``, ``access-log``, or ``events``: an
append of a contact).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
import uuid
from typing import Any

import httpx
import psycopg

from bench.http_runs import bearer

PEOPLE = 50
UNLIMITED = "1000000000"  # the 404s measured, not the limit's 429s (``commands.read_limit``)
ROUTES = ("story", "summary", "fhir", "access-log", "events")
CONTACT = {"type": "ContactRecorded", "occurred_at": "2025-01-06T09:00:00+00:00",
           "data": {"contact_id": "c-probe", "channel": "telephone", "attendance": "attended",
                    "purpose": "drop_in", "duration_minutes": 20}}


def strangers_and_people(url: str, schema: str, people: int = PEOPLE) -> tuple[str, list[str]]:
    """The provider tied to the fewest people, and people it has never been tied to."""
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            f"SELECT convert_from(state, 'UTF8')::json->>'provider_id' AS p FROM \"{schema}\"."
            "ledger_events WHERE topic = 'ledger.Provider.ProviderRegistered' ORDER BY "
            f'(SELECT count(*) FROM "{schema}".figures_worklist_ties t WHERE t.provider_id = '
            "convert_from(state, 'UTF8')::json->>'provider_id'), p LIMIT 1").fetchall()
        stranger = str(rows[0][0])
        found = conn.execute(
            f'SELECT originator_id FROM "{schema}".ledger_events e WHERE topic = '
            "'ledger.PersonStory.PersonRegistered' AND NOT EXISTS (SELECT 1 FROM "
            f'"{schema}".figures_worklist_ties t WHERE t.person_id = e.originator_id AND t.provider_id = %s) '
            "ORDER BY random() LIMIT %s", (stranger, people)).fetchall()
    return stranger, [str(row[0]) for row in found]


def probe(base: str, key: str, stranger: str, people: list[str], pairs: int,
          route: str = "story") -> dict[str, Any]:
    """Alternate a real person's story and a random id, ``pairs`` times, as ``stranger``."""
    known: list[float] = []
    unknown: list[float] = []
    statuses: set[int] = set()
    with httpx.Client(base_url=base, headers=bearer(key, "provider", stranger), timeout=60) as http:
        for n in range(pairs):
            for ids, times in (([people[n % len(people)]], known), ([str(uuid.uuid4())], unknown)):
                started = time.perf_counter()
                path = f"/people/{ids[0]}/{route}"
                sent = http.post(path, json=CONTACT) if route == "events" else http.get(path)
                statuses.add(sent.status_code)
                times.append((time.perf_counter() - started) * 1000)
    slower = sum(k > u for k, u in zip(known, unknown, strict=True)) / pairs
    return {"route": route, "pairs": pairs, "statuses": sorted(statuses), "stranger": stranger,
            "known_median_ms": round(statistics.median(known), 2),
            "unknown_median_ms": round(statistics.median(unknown), 2),
            "known_p90_ms": round(statistics.quantiles(known, n=10)[-1], 2),
            "unknown_p90_ms": round(statistics.quantiles(unknown, n=10)[-1], 2),
            "known_slower_share": round(slower, 3), "load_average": os.getloadavg()}


def main() -> None:
    """Serve a scratch borough with the default floor and with none; probe each; print JSON."""
    from api.deployment.database import store_env
    from bench.catchup_run import catch_up
    from bench.import_run import run as import_borough
    from bench.scratch import ScratchSchemas
    from bench.server import serving
    from bench.suite import bench_settings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=300)
    parser.add_argument("--route", choices=ROUTES, default="story")
    args = parser.parse_args()
    url = os.environ["DATABASE_URL"]
    with ScratchSchemas(url) as schemas:
        settings = bench_settings(schemas.new("stranger"))
        key = settings.signing_key.get_secret_value()  # type: ignore[union-attr]
        import_borough(url, settings, 2000)
        catch_up(store_env(url, settings))
        stranger, people = strangers_and_people(url, settings.schema_name)
        for floor, limit in ((None, UNLIMITED), ("0", UNLIMITED), (None, "1"), ("0", "1")):
            extra = {"LEDGER_REFUSED_READ_LIMIT": limit,
                     **({} if floor is None else {"LEDGER_UNKNOWN_STORY_FLOOR": floor})}
            with serving(url, settings, [], extra=extra) as base:
                answer = probe(base, key, stranger, people, args.pairs, args.route)
            print(json.dumps({"floor": floor or "default", "refused_read_limit": limit, **answer}),
                  flush=True)


if __name__ == "__main__":
    main()
