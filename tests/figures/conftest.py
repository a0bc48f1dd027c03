"""Fixtures of the figures' tests: a projector runner on the test's ledger, and the hand-built borough."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from commands import Ledger
from projections.calendar import Month
from projections.facts.runner import FiguresRunner
from projections.figures.outcomes import Question, outcomes
from tests.figures import borough
from tests.figures.borough import Rows
from tests.figures.scribe import Scribe


@pytest.fixture
def runner(env: dict[str, str], ledger: Ledger) -> Iterator[FiguresRunner]:
    """The figures' runner reading the test's ledger."""
    figures = FiguresRunner(env, app=ledger, batch_size=7)
    yield figures
    figures.stop()


@pytest.fixture
def scribe(ledger: Ledger) -> Scribe:
    """Writes events into the test's ledger."""
    return Scribe(ledger)


@pytest.fixture
def built(scribe: Scribe, runner: FiguresRunner) -> FiguresRunner:
    """The hand-built borough, projected."""
    borough.build(scribe)
    runner.catch_up()
    return runner


@pytest.fixture
def rows(built: FiguresRunner) -> Rows:
    """Exact rows of a metric over the borough, keyed by (month, provider)."""

    def ask(metric: str, start: str = "2025-03", end: str = "2025-05", **kwargs: Any) -> Any:
        question = Question(metric, Month.parse(start), Month.parse(end), **kwargs)
        body = outcomes(built.view, question, is_exact=True)
        return {(row["month"], row["provider_id"]): row for row in body["rows"]}

    return ask
