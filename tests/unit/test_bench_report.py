"""The benchmark's JSON: its percentiles, the sections it must hold and the ratios it reports."""

from __future__ import annotations

import math
from typing import Any

from bench.report import floor_latencies, latencies, missing, percentile, ratios


def complete() -> dict[str, Any]:
    """A result with every section, at two sizes."""
    sized = {"100000": {"p50_ms": 4.0, "p99_ms": 10.0, "events_in_store": 100_000},
             "1000000": {"p50_ms": 5.0, "p99_ms": 12.0, "events_in_store": 1_000_000}}
    return {
        "append_http": {"ledger_events_per_s": 600.0, "http_floor_per_s": 1200.0,
                        "raw_sql_commits_per_s": 6000.0, "p50_ms": 20.0, "p99_ms": 45.0, "clients": 16,
                        "http_floor_p50_ms": 8.0, "http_floor_p99_ms": 30.0},
        "import": {"ledger_events_per_s": 9000.0, "raw_sql_rows_per_s": 30000.0, "peak_rss_mb": 120.0},
        "projection_catchup": {"ledger_events_per_s": 20000.0, "library_runner_events_per_s": 500.0,
                               "raw_read_events_per_s": 40000.0},
        "outcomes_query": dict(sized), "story_read": dict(sized), "provider_list": dict(sized),
        "stranger_404": {"known_median_ms": 52.0, "unknown_median_ms": 51.9, "known_slower_share": 0.52},
    }


def test_the_nearest_rank_percentile_of_a_hundred_samples() -> None:
    """p50 of 1..100 is 50 and p99 is 99 (nearest rank, no interpolation)."""
    samples = [float(n) for n in range(100, 0, -1)]
    assert (percentile(samples, 0.5), percentile(samples, 0.99)) == (50.0, 99.0)


def test_latencies_of_no_samples_are_not_numbers() -> None:
    """A benchmark that answered nothing reports NaN, never zero milliseconds."""
    assert all(math.isnan(value) for value in latencies([]).values())


def test_the_http_floor_has_its_own_latencies_beside_the_appends() -> None:
    """The floor's p50 and p99 are named apart, so they never overwrite the appends' own."""
    samples = [float(n) for n in range(1, 101)]
    assert floor_latencies(samples) == {"http_floor_p50_ms": 50.0, "http_floor_p99_ms": 99.0}


def test_a_result_without_the_floor_latencies_is_incomplete() -> None:
    """The append section must report how fast its HTTP floor itself answers."""
    result = complete()
    del result["append_http"]["http_floor_p99_ms"]
    assert missing(result) == ["append_http.http_floor_p99_ms"]


def test_a_complete_result_lacks_nothing() -> None:
    """Every section and field the issue names is there."""
    assert missing(complete()) == []


def test_a_result_at_one_size_only_is_incomplete() -> None:
    """A sized benchmark needs two sizes, and each its three fields."""
    result = complete()
    result["story_read"] = {"100000": {"p50_ms": 1.0, "p99_ms": 2.0}}
    assert missing(result) == ["story_read: two sizes", "story_read.100000.events_in_store"]


def test_the_ratios_are_each_against_its_own_baseline() -> None:
    """Append against the HTTP floor and raw commits, import against raw rows, catch-up against
    raw reads and the library's runner, and the outcomes' p99 growth from the smallest size."""
    assert ratios(complete()) == {
        "append_http / http_floor": 0.5, "append_http / raw_sql_commits": 0.1,
        "import / raw_sql_rows": 0.3, "projection_catchup / raw_read": 0.5,
        "projection_catchup / library_runner": 40.0,
        "outcomes_query p99: largest / smallest size": 1.2,
        "stranger_404: real story answered more slowly (share of pairs)": 0.52,
    }


def test_a_baseline_of_nothing_gives_no_ratio() -> None:
    """A baseline that measured zero makes its ratio NaN, not a division error."""
    result = complete()
    result["append_http"]["http_floor_per_s"] = 0.0
    assert math.isnan(ratios(result)["append_http / http_floor"])
