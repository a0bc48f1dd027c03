"""The benchmark's JSON: percentiles, the sections it must hold, and the ratios between them.

Pure functions, no database: ``tests/unit/test_bench_report.py`` checks them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

SECTIONS: dict[str, tuple[str, ...]] = {
    "append_http": ("ledger_events_per_s", "http_floor_per_s", "raw_sql_commits_per_s",
                    "p50_ms", "p99_ms", "clients", "http_floor_p50_ms", "http_floor_p99_ms"),
    "import": ("ledger_events_per_s", "raw_sql_rows_per_s", "peak_rss_mb"),
    "projection_catchup": ("ledger_events_per_s", "library_runner_events_per_s",
                           "raw_read_events_per_s"),
    "stranger_404": ("known_median_ms", "unknown_median_ms", "known_slower_share"),
}
SIZED = ("outcomes_query", "story_read", "provider_list")
"""Sections measured at each size of the run, keyed by the number of events stored."""
SIZED_FIELDS = ("p50_ms", "p99_ms", "events_in_store")


def percentile(samples: Sequence[float], share: float) -> float:
    """The nearest-rank percentile (``share`` in 0..1) of the samples; NaN when there are none."""
    if not samples:
        return math.nan
    ordered = sorted(samples)
    rank = max(1, math.ceil(share * len(ordered)))
    return float(ordered[rank - 1])


def latencies(samples: Sequence[float]) -> dict[str, float]:
    """p50 and p99 of latencies in milliseconds, rounded to a hundredth."""
    return {"p50_ms": round(percentile(samples, 0.50), 2), "p99_ms": round(percentile(samples, 0.99), 2)}


def floor_latencies(samples: Sequence[float]) -> dict[str, float]:
    """The HTTP floor's own p50 and p99 (``http_floor_p50_ms``, ``http_floor_p99_ms``): how far
    the server is from a latency target before the store is touched at all."""
    return {f"http_floor_{name}": value for name, value in latencies(samples).items()}


def missing(result: dict[str, Any]) -> list[str]:
    """Every section or field the result lacks, as ``section.field`` (empty when complete)."""
    gaps = [f"{name}.{field}" for name, fields in SECTIONS.items() for field in fields
            if field not in result.get(name, {})]
    for name in SIZED:
        sizes = result.get(name, {})
        if len(sizes) < 2:
            gaps.append(f"{name}: two sizes")
        gaps += [f"{name}.{size}.{field}" for size, row in sizes.items() for field in SIZED_FIELDS
                 if field not in row]
    return gaps


def ratio(numerator: float, denominator: float) -> float:
    """numerator / denominator to three places; NaN when the denominator is not positive."""
    return round(numerator / denominator, 3) if denominator > 0 else math.nan


def ratios(result: dict[str, Any]) -> dict[str, float]:
    """The ratios the issue judges by, each against a baseline measured in the same run."""
    append, imported = result["append_http"], result["import"]
    catchup = result["projection_catchup"]
    found = {
        "append_http / http_floor": ratio(append["ledger_events_per_s"], append["http_floor_per_s"]),
        "append_http / raw_sql_commits": ratio(append["ledger_events_per_s"],
                                              append["raw_sql_commits_per_s"]),
        "import / raw_sql_rows": ratio(imported["ledger_events_per_s"], imported["raw_sql_rows_per_s"]),
        "projection_catchup / raw_read": ratio(catchup["ledger_events_per_s"],
                                               catchup["raw_read_events_per_s"]),
        "projection_catchup / library_runner": ratio(catchup["ledger_events_per_s"],
                                                     catchup["library_runner_events_per_s"]),
    }
    stranger = result.get("stranger_404")
    if stranger:  # a timing oracle: 0.5 is a coin's chance of telling a real story from none
        found["stranger_404: real story answered more slowly (share of pairs)"] = stranger[
            "known_slower_share"]
    outcomes = result["outcomes_query"]
    sizes = sorted(outcomes, key=int)
    if len(sizes) >= 2:
        found["outcomes_query p99: largest / smallest size"] = ratio(
            outcomes[sizes[-1]]["p99_ms"], outcomes[sizes[0]]["p99_ms"])
    return found
