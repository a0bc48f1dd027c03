"""A metric with no summaries (a new one, say) is computed on demand, as are answers ``as_of``."""

from __future__ import annotations

import pytest
from psycopg.sql import SQL

from projections.calendar import Month, months_between
from projections.facts.runner import FiguresRunner
from projections.figures.outcomes import METRICS, Question, outcomes
from projections.summaries.metrics import SUMMARIES
from projections.summaries.read import maintained_rows
from tests.figures.summary_checks import last_month


def test_a_metric_without_summaries_is_answered_on_demand(
    built: FiguresRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A metric added to METRICS alone has no summaries to read, and answers as its rows say."""
    monkeypatch.setitem(METRICS, "people-supported-again", METRICS["people-supported"])
    months = months_between(Month(2025, 1), last_month(built.view))
    assert maintained_rows(built.view, "people-supported-again", months) is None
    again = outcomes(built.view, Question("people-supported-again", months[0], months[-1]), True)
    known = outcomes(built.view, Question("people-supported", months[0], months[-1]), True)
    assert again["rows"] == known["rows"]
    assert again["rows"]


def test_months_after_the_last_summarised_are_answered_on_demand(built: FiguresRunner) -> None:
    """A question reaching past the last month with any fact computes on demand, exactly."""
    end = last_month(built.view).following()
    assert maintained_rows(built.view, "caseload", [end]) is None
    question = Question("caseload", Month(2025, 1), end)
    assert outcomes(built.view, question, True) == outcomes(built.view, question, True, on_demand=True)


def test_summaries_built_for_other_metrics_are_answered_on_demand_until_rebuilt(
    built: FiguresRunner,
) -> None:
    """A store whose summaries predate a metric (its span names fewer metrics) computes every
    question on demand; the next catch-up builds them whole, for every metric summarised."""
    span = built.view.table("summary_span")
    with built.view.datastore.transaction(commit=True) as curs:
        curs.execute(SQL("UPDATE {} SET metrics = %s").format(span), ("caseload,cost",))
    months = months_between(Month(2025, 1), Month(2025, 5))
    assert maintained_rows(built.view, "caseload", months) is None
    built.catch_up()
    assert all(maintained_rows(built.view, metric, months) is not None for metric in SUMMARIES)
