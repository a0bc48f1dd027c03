"""bench.report's CPU budget: per-request costs, the rate the cores allow, Little's law, a target."""

from __future__ import annotations

import math
from typing import Any

from bench.report import budget_ratios, cpu_budget

STORY_READ = {"server": 2.2, "postgres": 1.9, "load_generator": 0.4}
"""A thousand story reads' CPU seconds by party: 4.5 ms a read."""


def story_reads() -> dict[str, Any]:
    """A thousand reads by 16 clients on 2 cores, busy 9.5 of 10 core-seconds, against 10 ms."""
    return cpu_budget(STORY_READ, busy_s=9.5, all_s=10.0, count=1000, cores=2, clients=16,
                      target_ms=10.0, beside={"postgres_cluster": 2.5})


def test_each_party_costs_its_seconds_over_the_requests() -> None:
    """Each party's milliseconds a request, their sum, the cluster beside, the machine and the rest."""
    assert story_reads()["cpu_ms_per_request"] == {
        "server": 2.2, "postgres": 1.9, "load_generator": 0.4, "parties": 4.5,
        "postgres_cluster": 2.5, "machine_busy": 9.5, "other": 5.0}


def test_the_cores_give_at_most_their_count_over_a_requests_cost() -> None:
    """2 cores at 4.5 ms a read: at most 444.4 reads a second."""
    assert story_reads()["parties_bound_per_s"] == 444.4


def test_the_window_says_how_busy_the_cores_were_and_how_many_the_parties_used() -> None:
    """Busy 9.5 of 10 core-seconds (a 5 s window on 2 cores): 95% busy; the reads' own 4.5
    CPU-seconds used 0.9 of the 2 cores, the rest went to other work."""
    budget = story_reads()
    assert (budget["cores_busy_share"], budget["cores_used_by_parties"]) == (0.95, 0.9)


def test_littles_law_gives_the_least_latency_at_the_clients() -> None:
    """16 clients sharing 444 reads a second wait at least 16 ÷ 444 s = 36 ms each."""
    assert story_reads()["least_latency_ms"] == 36.0


def test_a_target_says_the_rate_the_cpu_and_the_cores_it_needs() -> None:
    """10 ms at 16 clients: 1,600 reads a second, 1.25 ms of CPU a read on 2 cores, or 7.2 cores
    at 4.5 ms a read."""
    budget = story_reads()
    assert (budget["target_per_s"], budget["target_cpu_ms_per_request"],
            budget["target_cores_at_this_cost"]) == (1600.0, 1.25, 7.2)


def test_an_import_is_costed_per_event_without_clients() -> None:
    """An import has events, not clients: its figures are per event, with no latency by Little."""
    budget = cpu_budget({"importer": 6.0, "postgres": 2.0}, 9.0, 10.0, 100_000, 2, unit="event")
    assert budget["cpu_ms_per_event"]["parties"] == 0.08
    assert "least_latency_ms" not in budget


def test_no_requests_give_no_costs() -> None:
    """A run that answered nothing has no cost a request, not a division error."""
    budget = cpu_budget({"server": 1.0}, 1.0, 2.0, 0, 2, clients=16, target_ms=10.0)
    assert math.isnan(budget["cpu_ms_per_request"]["parties"])
    assert math.isnan(budget["least_latency_ms"])


def test_the_ratios_carry_each_budgets_cost_busy_share_and_least_latency() -> None:
    """A story read's budget at one size gives four lines in the ratios."""
    result = {"story_read": {"1000": {"cpu": story_reads()}}}
    assert budget_ratios(result) == {
        "story_read at 1000: CPU ms per request, own parties": 4.5,
        "story_read at 1000: cores busy (share)": 0.95,
        "story_read at 1000: cores used by own parties": 0.9,
        "story_read at 1000: least mean latency ms by CPU at 16 clients": 36.0}
