"""``python -m bench``'s whole run at tiny sizes: every section measured, nothing left behind."""

from __future__ import annotations

import psycopg
import pytest

from bench.report import budgets, missing
from bench.suite import Plan, run_suite

pytestmark = [pytest.mark.bench, pytest.mark.xdist_group("bench")]  # bench schemas are counted


def bench_schemas(url: str) -> set[str]:
    """The benchmark schemas present in the database."""
    with psycopg.connect(url) as conn:
        rows = conn.execute("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'bench%'")
        return {row[0] for row in rows}


def test_a_tiny_run_measures_every_section_and_drops_its_schemas(database_url: str) -> None:
    """Two small sizes, one second per measurement: every field is there (and a CPU budget for
    each HTTP run, the import and the catch-up), the appends landed (201), the floor was refused
    (422), every read answered 200, and the run's schemas are gone."""
    before = bench_schemas(database_url)
    result = run_suite(database_url, Plan(sizes=(1500, 4000), clients=2, seconds=1.0,
                                          baseline_events=100, pairs=10))
    assert missing(result) == []
    found = budgets(result)
    assert {"append_http", "append_http floor", "import", "projection_catchup"} <= found.keys()
    assert len(found) == 4 + 3 * 2
    assert result["append_http"]["statuses"].keys() == {"201"}
    assert result["append_http"]["floor_statuses"].keys() == {"422"}
    for name in ("outcomes_query", "story_read", "provider_list"):
        assert all(row["statuses"].keys() == {"200"} for row in result[name].values()), name
    assert result["stranger_404"]["statuses"] == [404]
    sizes = sorted(int(size) for size in result["story_read"])
    assert sizes[0] >= 1500
    assert sizes[1] >= 4000
    assert bench_schemas(database_url) == before
