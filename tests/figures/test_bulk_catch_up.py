"""A catch-up far behind the head: the summaries stay unbuilt to the head (questions meanwhile are
answered on demand, exactly), are built once there, and a crash before that build loses nothing."""

from __future__ import annotations

from projections.calendar import Month, months_between
from projections.facts.runner import FiguresRunner
from projections.figures.outcomes import Question, outcomes
from projections.summaries import cells
from projections.summaries.read import maintained_rows
from replay.summary_check import compare_with_facts
from tests.figures import borough
from tests.figures.scribe import Scribe
from tests.figures.summary_checks import both_ways, last_month

MONTHS = months_between(Month(2025, 1), Month(2025, 6))


def _bulk_batches(runner: FiguresRunner, count: int) -> None:
    """Write ``count`` bulk batches, as a catch-up far behind the head does, and stop there."""
    runner.projector.bulk_behind = 0
    for _ in range(count):
        runner.projector.advance(runner.ledger, bulk=True)


def test_bulk_batches_leave_the_summaries_unbuilt_and_questions_exact(
    scribe: Scribe, runner: FiguresRunner
) -> None:
    """Between bulk batches no summary is read: every metric is computed on demand, exactly."""
    borough.build(scribe)
    _bulk_batches(runner, 2)
    assert maintained_rows(runner.view, "caseload", MONTHS) is None
    question = Question("caseload", MONTHS[0], MONTHS[-1])
    assert outcomes(runner.view, question, True) == outcomes(runner.view, question, True,
                                                             on_demand=True)


def test_a_catch_up_far_behind_builds_the_summaries_once_at_the_head(
    scribe: Scribe, runner: FiguresRunner
) -> None:
    """Caught up in bulk (batches of 7, any 1 event behind counts as far): built, and exact."""
    borough.build(scribe)
    runner.projector.bulk_behind = 1
    runner.catch_up()
    with runner.view.datastore.transaction(commit=False) as curs:
        assert cells.span(curs, runner.view) is not None
    assert compare_with_facts(runner.view) == []
    for summarised, on_demand in both_ways(runner.view, Month(2025, 1), last_month(runner.view)):
        assert summarised == on_demand


def test_a_crash_between_the_bulk_batches_and_the_build_loses_nothing(
    scribe: Scribe, runner: FiguresRunner, env: dict[str, str]
) -> None:
    """Stopped after bulk batches (as a killed worker would be), a new runner resumes from the
    committed position, builds the summaries, and every cell equals the figures on demand."""
    borough.build(scribe)
    _bulk_batches(runner, 3)
    stopped_at = runner.projector.position(runner.ledger)
    assert stopped_at > 0
    resumed = FiguresRunner(env, app=runner.ledger.app, batch_size=7)
    try:
        assert resumed.projector.position(resumed.ledger) == stopped_at
        resumed.catch_up()
        assert compare_with_facts(resumed.view) == []
        for summarised, on_demand in both_ways(resumed.view, Month(2025, 1),
                                               last_month(resumed.view)):
            assert summarised == on_demand
    finally:
        resumed.stop()
