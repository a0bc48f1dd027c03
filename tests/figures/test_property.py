"""Random valid boroughs: every figure equals the oracle's, and a resumed run equals an unbroken one."""

from __future__ import annotations

import random
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commands import Ledger
from projections.facts.runner import FiguresRunner
from tests.figures import oracle_figures as of
from tests.figures import random_borough
from tests.figures.exact_figures import ORACLE, figures, fresh_env
from tests.figures.oracle import World
from tests.figures.scribe import Scribe

PROVIDERS = [p[0] for p in random_borough.PROVIDERS]


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                HealthCheck.too_slow])
@given(rng=st.randoms(use_true_random=False), batch=st.integers(1, 9), pause=st.integers(0, 20))
def test_figures_equal_the_oracle_and_resuming_equals_one_run(
    database_url: str, rng: random.Random, batch: int, pause: int
) -> None:
    """Every metric equals the oracle; stopping after some batches and resuming changes nothing."""
    env = fresh_env(database_url)
    ledger = Ledger(env=env)
    random_borough.build(Scribe(ledger), rng, people=rng.randrange(2, 6), actions=rng.randrange(10, 70))
    interrupted = FiguresRunner(env, app=ledger, batch_size=batch)
    for _ in range(pause):
        interrupted.projector.advance(interrupted.ledger)
    interrupted.stop()
    resumed = FiguresRunner(env, app=ledger, batch_size=batch)
    resumed.catch_up()
    unbroken = FiguresRunner(fresh_env(database_url), app=ledger, batch_size=500)
    unbroken.catch_up()
    world = World(ledger)
    months = of.month_list(date(2025, 1, 1), 7)
    try:
        for metric, oracle in ORACLE.items():
            expected = oracle(world, months, PROVIDERS)
            assert figures(resumed, metric) == expected, metric
            assert figures(unbroken, metric) == expected, metric
    finally:
        resumed.stop()
        unbroken.stop()
        ledger.close()
