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
    return {**found, **budget_ratios(result)}


TARGET_MS = {"story_read": 10.0, "provider_list": 20.0, "append_http": 50.0}
"""The issue's p99 targets with 16 clients: what a budget's ``target_*`` figures are read against."""


def cpu_budget(own: dict[str, float], busy_s: float, all_s: float, count: int, cores: int,
               clients: int | None = None, target_ms: float | None = None,
               unit: str = "request", beside: dict[str, float] | None = None) -> dict[str, Any]:
    """What ``count`` requests (or events) cost in CPU: each party's seconds in ``own`` (the
    server, its PostgreSQL backends, the load generator...) and in ``beside`` (e.g. the whole
    PostgreSQL cluster, overlapping ``own``) per request; the machine's busy seconds of ``all_s``;
    how many of the cores ``own`` used (``all_s`` is ``cores`` times the window); the rate
    ``cores`` could give if only ``own`` ran; by Little's law the least mean latency of
    ``clients`` closed-loop clients at that rate; and what a ``target_ms`` at ``clients`` needs."""
    def per(seconds: float) -> float:
        return round(seconds * 1000 / count, 3) if count else math.nan
    parties = sum(own.values())
    each_s = parties / count if count else math.nan  # the own parties' CPU seconds per request
    costs = {**{name: per(s) for name, s in own.items()}, "parties": per(parties),
             **{name: per(s) for name, s in (beside or {}).items()},
             "machine_busy": per(busy_s), "other": per(busy_s - parties)}
    found: dict[str, Any] = {f"cpu_ms_per_{unit}": costs, "count": count, "cores": cores,
                             "cores_busy_share": round(busy_s / all_s, 3) if all_s > 0 else math.nan,
                             "cores_used_by_parties": round(parties * cores / all_s, 2)
                             if all_s > 0 else math.nan,
                             "parties_bound_per_s": round(ratio(cores * count, parties), 1)}
    if clients:
        found.update(clients=clients, least_latency_ms=round(clients * each_s * 1000 / cores, 2))
    if clients and target_ms:
        found.update(target_ms=target_ms, target_per_s=round(clients * 1000 / target_ms, 1),
                     target_cpu_ms_per_request=round(cores * target_ms / clients, 3),
                     target_cores_at_this_cost=round(clients * each_s * 1000 / target_ms, 2))
    return found


def budgets(result: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every CPU budget in a result, by the benchmark (and size) it belongs to."""
    found = {label: row[key] for label, row, key in (
        ("append_http", result.get("append_http", {}), "cpu"),
        ("append_http floor", result.get("append_http", {}), "floor_cpu"),
        ("import", result.get("import", {}), "cpu"),
        ("projection_catchup", result.get("projection_catchup", {}), "cpu")) if key in row}
    for name in SIZED:
        found.update({f"{name} at {size}": row["cpu"] for size, row in result.get(name, {}).items()
                      if "cpu" in row})
    return found


def budget_ratios(result: dict[str, Any]) -> dict[str, float]:
    """Four lines a budget for the ratios: CPU per request of its own parties, how busy the cores
    were and how many of them its parties used, and the least mean latency the CPU allows at its
    clients."""
    found: dict[str, float] = {}
    for label, budget in budgets(result).items():
        unit = "event" if "cpu_ms_per_event" in budget else "request"
        found[f"{label}: CPU ms per {unit}, own parties"] = budget[f"cpu_ms_per_{unit}"]["parties"]
        found[f"{label}: cores busy (share)"] = budget["cores_busy_share"]
        found[f"{label}: cores used by own parties"] = budget["cores_used_by_parties"]
        if "least_latency_ms" in budget:
            clients = f"{budget['clients']} client" + ("s" if budget["clients"] != 1 else "")
            found[f"{label}: least mean latency ms by CPU at {clients}"] = budget["least_latency_ms"]
    return found
