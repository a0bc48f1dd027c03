"""The CPU budgets of real benchmark runs: each party (the importer or the server, its PostgreSQL
backends, the load generator) is found and has spent something, within what the machine spent."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from api.settings import Settings
from bench import import_run
from bench.http_runs import reads
from bench.questions import events_in_store, story_questions
from bench.scratch import ScratchSchemas
from bench.server import serving
from bench.suite import bench_settings

pytestmark = [pytest.mark.bench, pytest.mark.xdist_group("bench")]  # bench schemas are counted


def within_the_machine(costs: dict[str, float], parties: tuple[str, ...]) -> None:
    """Every party spent something; together they spent no more than the busy machine (to a
    tick of a hundredth of a second per process, spread over the requests)."""
    assert all(costs[party] > 0 for party in parties), costs
    assert costs["parties"] == pytest.approx(sum(costs[party] for party in parties), abs=0.01)
    assert costs["machine_busy"] >= costs["parties"] * 0.9, costs


@pytest.fixture(scope="module")
def borough(database_url: str) -> Iterator[tuple[Settings, dict[str, Any]]]:
    """A small imported borough in a scratch schema, and its import's figures."""
    with ScratchSchemas(database_url) as schemas:
        settings = bench_settings(schemas.new("cpu"))
        yield settings, import_run.run(database_url, settings, 1500)


def test_an_imports_budget_counts_the_importer_and_its_backends(
        borough: tuple[Settings, dict[str, Any]]) -> None:
    """The import's budget counts ``ledger import``'s processes and its backends, per event."""
    within_the_machine(borough[1]["cpu"]["cpu_ms_per_event"], ("importer", "postgres"))


def test_story_reads_budget_counts_the_server_its_backends_and_the_generator(
        database_url: str, borough: tuple[Settings, dict[str, Any]]) -> None:
    """Story reads by two clients count the server, its backends and the load generator, per
    request answered, and say what a 10 ms target at two clients needs (200 reads a second)."""
    settings = borough[0]
    key = settings.signing_key.get_secret_value()  # type: ignore[union-attr]
    with serving(database_url, settings, []) as base:
        events = events_in_store(database_url, settings.schema_name)
        read = reads(base, story_questions(database_url, settings.schema_name, key), 2, 1.5, 5000,
                     events, 10.0)
    assert read["statuses"].keys() == {"200"}
    within_the_machine(read["cpu"]["cpu_ms_per_request"], ("server", "postgres", "load_generator"))
    assert read["cpu"]["count"] == read["requests"]
    assert read["cpu"]["target_per_s"] == 200.0
