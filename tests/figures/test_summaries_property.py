"""Random boroughs (late entries, retractions, cost changes, any batch size): the maintained
summaries answer exactly as the figures computed on demand, and a rebuild equals them."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commands import Ledger
from projections.calendar import Month
from projections.facts.runner import FiguresRunner
from replay.summary_check import compare_rebuilt, compare_with_facts
from tests.figures import random_borough
from tests.figures.exact_figures import fresh_env
from tests.figures.scribe import Scribe
from tests.figures.summary_checks import both_ways, last_month


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                HealthCheck.too_slow])
@given(rng=st.randoms(use_true_random=False), batch=st.integers(1, 12))
def test_summaries_equal_the_figures_on_demand_and_a_rebuild(
    database_url: str, rng: random.Random, batch: int
) -> None:
    """Every metric, month, provider and baseline: summaries == on demand; cells == a rebuild's."""
    env = fresh_env(database_url)
    ledger = Ledger(env=env)
    live = FiguresRunner(env, app=ledger, batch_size=batch)
    live.projector.bulk_behind = 10**9  # every batch keeps the summaries up to date itself
    random_borough.build(Scribe(ledger), rng, people=rng.randrange(2, 6), actions=rng.randrange(20, 60))
    live.catch_up()
    rebuilt = FiguresRunner(fresh_env(database_url), app=ledger, batch_size=batch)
    rebuilt.projector.bulk_behind = 2 * batch  # a long catch-up: built whole when caught up
    rebuilt.catch_up()
    try:
        provider = rng.choice([None, "cmht", "hub"])
        asked = {"provider": provider, "baseline": (Month(2025, 1), Month(2025, 2))}
        for summarised, on_demand in both_ways(live.view, Month(2024, 12), last_month(live.view),
                                                  **asked):
            assert summarised == on_demand
        assert compare_with_facts(live.view) == []
        assert compare_rebuilt(live.view, rebuilt.view) == []
    finally:
        live.stop()
        rebuilt.stop()
        ledger.close()
