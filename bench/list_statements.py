"""PostgreSQL's time for each list's page statement on a kept store, every provider's:
``python -m bench.list_statements --schema NAME`` (``PYTHONPATH`` another checkout to time its
statements on the same store).

For each provider in the directory its waiting list and caseload (today), and for each provider
with key workers its busiest key worker's people: the first page of 51 rows asked as the
provider's own staff, ``EXPLAIN ANALYZE`` execution time, best of five. Prints, per list, the
number of providers, the sum of their times and the slowest one.
"""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime
from typing import Any

import psycopg
from psycopg.rows import dict_row
from psycopg.sql import SQL, Composed, Identifier

from api.deployment.database import server_url
from api.settings import Settings
from ledger.relationships import GRACE
from projections.worklists import pages
from projections.worklists.lists import TABLES

LISTS = {"waiting": pages.WAITING, "caseload": pages.CASELOAD, "key_worker": pages.KEY_WORKED}
PROVIDERS = "SELECT DISTINCT provider_id AS p FROM {} WHERE provider_id IS NOT NULL"
BUSIEST = """SELECT DISTINCT ON (key_worker_provider_id) key_worker_provider_id AS provider,
  key_worker_staff_id AS staff FROM (SELECT key_worker_provider_id, key_worker_staff_id,
  count(*) AS n FROM {} WHERE key_worker_provider_id IS NOT NULL GROUP BY 1, 2) k
ORDER BY key_worker_provider_id, n DESC"""


def timed(conn: psycopg.Connection[Any], statement: Composed, values: dict[str, Any]) -> float:
    """The best of five execution times, in ms."""
    explain = SQL("EXPLAIN (ANALYZE, FORMAT JSON) ") + statement
    times = []
    for _ in range(5):
        row = conn.execute(explain, values).fetchone()
        assert row is not None
        times.append(float(row["QUERY PLAN"][0]["Execution Time"]))
    return min(times)


def run(url: str, schema: str) -> dict[str, Any]:
    """Each list's times over every provider."""
    names = {key: Identifier(schema, f"figures_{table}") for key, table in TABLES.items()}
    now = datetime.now(UTC)
    found: dict[str, Any] = {}
    with psycopg.connect(url, row_factory=dict_row, autocommit=True) as conn:
        providers = [r["p"] for r in conn.execute(SQL(PROVIDERS).format(
            Identifier(schema, "figures_providers")))]
        workers = {r["provider"]: r["staff"]
                   for r in conn.execute(SQL(BUSIEST).format(names["people"]))}
        for label, template in LISTS.items():
            statement = pages.statement(names, template, None)
            times = {}
            for provider in providers:
                if label == "key_worker" and provider not in workers:
                    continue
                values = {"reader": provider, "since": now - GRACE, "after": None, "limit": 51,
                          "provider": provider, "on": now.date(), "staff": workers.get(provider)}
                times[provider] = timed(conn, statement, values)
            slowest = max(times, key=lambda p: times[p])
            found[label] = {"providers": len(times), "sum_ms": round(sum(times.values()), 2),
                            "slowest": slowest, "slowest_ms": round(times[slowest], 3)}
    return found


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schema", required=True)
    print(json.dumps(run(server_url(Settings()), parser.parse_args().schema)))
