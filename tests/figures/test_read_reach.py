"""A story read reaches the summaries only when a provider's staff made it: an analyst's read (the
commonest, and every read of the benchmark) is written as a fact and recomputes nobody's figures,
while the figures from the summaries still equal those computed from the facts."""

from __future__ import annotations

from datetime import datetime

from commands.access_log import AccessLog, Read
from projections.calendar import Month
from projections.facts.runner import FiguresRunner
from projections.summaries.batch import reach_of
from tests.figures.borough import A, B
from tests.figures.scribe import at
from tests.figures.summary_checks import both_ways, last_month


def read_by(provider_id: str | None, when: datetime) -> Read:
    """A permitted read of a story at ``when`` (an analyst's when ``provider_id`` is None)."""
    role = "analyst" if provider_id is None else "provider"
    return Read(role=role, provider_id=provider_id, staff_id="s-1", reason=None,
                break_glass=False, outcome="permitted", at=when)


def test_an_analysts_read_reaches_nobodys_summaries(built: FiguresRunner) -> None:
    """A batch of analysts' reads recomputes no person's handoffs; a provider's read does."""
    read = (1, A, None, at("2025-03-15T10:00"), at("2025-03-15T10:00"))
    assert reach_of(built.view, {"story_reads": [read]}).readers == set()
    assert reach_of(built.view, {"story_reads": [(2, B, "cmht", *read[3:])]}).readers == {B}


def test_summaries_equal_the_facts_after_analysts_and_providers_read(
    env: dict[str, str], built: FiguresRunner
) -> None:
    """The first read ever (an analyst's), more, then a provider's read before first contact:
    every summarised figure equals its on-demand answer after each batch."""
    with AccessLog(env=env) as log:
        log.record_read(A, read_by(None, at("2025-03-10T10:00")))
        built.catch_up()
        assert all(summarised == on_demand for summarised, on_demand
                   in both_ways(built.view, Month(2025, 1), last_month(built.view)))
        log.record_read(B, read_by(None, at("2025-03-11T10:00")))
        log.record_read(A, read_by("cmht", at("2025-03-15T10:00")))
        built.catch_up()
    assert all(summarised == on_demand for summarised, on_demand
               in both_ways(built.view, Month(2025, 1), last_month(built.view)))
