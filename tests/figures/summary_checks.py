"""Maintained against on-demand: every summarised metric's answer both ways, exact and published."""

from __future__ import annotations

from typing import Any

from projections.calendar import Month, months_between
from projections.facts.schema import FiguresView
from projections.figures.outcomes import Question, outcomes
from projections.summaries import cells
from projections.summaries.metrics import SUMMARIES
from projections.summaries.read import maintained_rows

SECRET = b"summaries-test-secret"


def both_ways(view: FiguresView, start: Month, end: Month, **asked: Any) -> list[tuple[Any, Any]]:
    """For each summarised metric, (from the summaries, on demand), exact and disclosure-controlled."""
    pairs = []
    for metric in SUMMARIES:
        assert maintained_rows(view, metric, months_between(start, end)) is not None, metric
        question = Question(metric, start, end, **asked)
        for exact in (True, False):
            secret = None if exact else SECRET
            pairs.append((outcomes(view, question, exact, secret=secret),
                          outcomes(view, question, exact, secret=secret, on_demand=True)))
    return pairs


def last_month(view: FiguresView) -> Month:
    """The last month the summaries cover."""
    with view.datastore.transaction(commit=False) as curs:
        span = cells.span(curs, view)
    assert span is not None
    assert span[1] is not None
    return Month.of(span[1])
