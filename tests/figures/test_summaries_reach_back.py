"""Late entries and retractions recorded after the summaries exist reach back months: every cell
they change is changed (and only as the figures on demand say), including months before the
first one summarised and each month of a stay that spans months."""

from __future__ import annotations

from psycopg.sql import SQL

from projections.calendar import Month
from projections.facts.runner import FiguresRunner
from projections.figures.outcomes import Question, outcomes
from replay.summary_check import compare_with_facts
from tests.figures import borough
from tests.figures.borough import B, C, D
from tests.figures.scribe import Scribe
from tests.figures.summary_checks import both_ways, last_month

FIRST = Month(2025, 1)


def _answers(runner: FiguresRunner) -> dict[str, object]:
    end = last_month(runner.view)
    return {metric: outcomes(runner.view, Question(metric, FIRST, end), True)
            for metric in ("waiting-times", "rehab-moves", "cost", "caseload")}


def _discharge_version(runner: FiguresRunner) -> int:
    with runner.view.datastore.transaction(commit=False) as curs:
        curs.execute(SQL("SELECT version FROM {} WHERE person_id = %s AND movement = 'discharged'")
                     .format(runner.view.table("ward_events")), (C,))
        row = curs.fetchone()
    assert row is not None
    return int(row["version"])


def _reach_back(s: Scribe, discharge: int) -> None:
    s.contact(B, "cmht", "2025-03-22T10:00", "c-seen-earlier")  # seen in March, not April
    s.retract(C, discharge + 1, "acute", "2025-05-20T10:00")  # the acute admission after it, then
    s.retract(C, discharge, "rehab", "2025-05-20T11:00")  # the discharge: the stay runs on from Feb
    s.referral(D, "hub", "cmht", "2025-01-15T10:00", "r-january")  # before every other month


def test_late_entries_and_retractions_change_the_summaries_as_on_demand(
    scribe: Scribe, runner: FiguresRunner
) -> None:
    """After the reaching-back batch, every metric equals on demand, and the answers changed."""
    borough.build(scribe)
    runner.catch_up()
    before = _answers(runner)
    discharge = _discharge_version(runner)
    _reach_back(scribe, discharge)
    runner.catch_up()
    after = _answers(runner)
    assert all(before[metric] != after[metric] for metric in before)
    for summarised, on_demand in both_ways(runner.view, FIRST, last_month(runner.view)):
        assert summarised == on_demand
    assert compare_with_facts(runner.view) == []
