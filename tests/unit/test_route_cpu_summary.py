"""The CPU-per-request benchmark's last line: each kind's median per code, and after ÷ before."""

from __future__ import annotations

from typing import Any

from bench.route_cpu import summary


def run(code: str, kind: str, cpu: float) -> dict[str, Any]:
    """One run's figures, as ``bench.route_cpu`` prints them."""
    return {"round": 0, "code": code, "kind": kind, "cpu_ms_per_request": cpu}


def test_each_kind_gets_its_median_per_code_and_the_ratio() -> None:
    """Three rounds of two codes: the middle value of each, and after over before."""
    results = [run(code, "floor", cpu) for code, cpu in
               (("before", 0.9), ("after", 0.5), ("before", 0.8), ("after", 0.4), ("before", 1.0),
                ("after", 0.45))]
    assert summary(results) == {"floor": {"before": 0.9, "after": 0.45, "ratio": 0.5}}


def test_one_code_alone_gets_no_ratio() -> None:
    """Without ``--before`` there is nothing to compare: medians only."""
    results = [run("this", "story_read", 2.0), run("this", "story_read", 1.0),
               run("this", "story_read", 3.0)]
    assert summary(results) == {"story_read": {"this": 2.0}}


def test_postgres_figures_get_their_own_medians() -> None:
    """PostgreSQL's CPU per request, where measured, summed up as the server's is."""
    results = [{**run(code, "story_read", 2.0), "pg_cpu_ms_per_request": pg}
               for code, pg in (("before", 1.2), ("after", 0.6), ("before", None), ("after", 0.4))]
    assert summary(results, "pg_cpu_ms_per_request") == {
        "story_read": {"before": 1.2, "after": 0.5, "ratio": 0.42}}
