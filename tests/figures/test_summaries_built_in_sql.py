"""Random boroughs (late entries, retractions, cost changes): every metric's cells built whole in
SQL equal those its own Python code computes, over all the months and over any run of them."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commands import Ledger
from projections.calendar import Month, months_between
from projections.facts.runner import FiguresRunner
from projections.summaries import cells
from projections.summaries.built import STATEMENTS, built
from projections.summaries.maintain import story_span
from projections.summaries.scoped import CursorFacts
from tests.figures import random_borough
from tests.figures.exact_figures import fresh_env
from tests.figures.scribe import Scribe


def _runs(rng: random.Random, months: list[Month]) -> list[list[Month]]:
    """All the months, and one random run of consecutive months among them."""
    start = rng.randrange(len(months))
    return [months, months[start:rng.randrange(start, len(months)) + 1]]


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                HealthCheck.too_slow])
@given(rng=st.randoms(use_true_random=False))
def test_cells_built_in_sql_equal_the_figures_own_code(database_url: str, rng: random.Random) -> None:
    """Each metric with a statement: built(...) == cells.computed(...), cell by cell."""
    env = fresh_env(database_url)
    ledger = Ledger(env=env)
    runner = FiguresRunner(env, app=ledger, batch_size=50)
    try:
        random_borough.build(Scribe(ledger), rng, people=rng.randrange(2, 8),
                             actions=rng.randrange(30, 90))
        runner.catch_up()
        with runner.view.datastore.transaction(commit=False) as curs:
            first, last = story_span(curs, runner.view)
            assert first is not None
            assert last is not None
            whole = CursorFacts(runner.view, curs)
            for months in _runs(rng, months_between(Month.of(first), Month.of(last))):
                for metric in STATEMENTS:
                    assert built(metric, whole, months) == cells.computed(metric, whole, months), \
                        (metric, months[0], months[-1])
    finally:
        runner.stop()
        ledger.close()


def test_every_metric_but_rehab_moves_is_built_in_sql() -> None:
    """The statements cover the metrics whose Python over every fact cost the build its time."""
    assert set(STATEMENTS) == {"people-supported", "caseload", "waiting-times", "referrals",
                               "handoffs", "cost"}
