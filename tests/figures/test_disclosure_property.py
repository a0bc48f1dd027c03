"""Random boroughs as a commissioner sees them: every count within the published rounding of the
exact one, every derived figure from the figures shown, and every cell the same however asked."""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commands import Ledger
from projections.calendar import Month
from projections.facts.runner import FiguresRunner
from projections.figures.cell_key import disclosure_secret
from projections.figures.directory_listing import directory_listing
from projections.figures.disclosure import SUPPRESSION_BAND
from projections.figures.fact_reader import LiveFacts
from projections.figures.outcomes import METRICS, Question, outcomes
from projections.figures.statistics import rate
from tests.figures import random_borough
from tests.figures.cost_attack import too_narrow
from tests.figures.scribe import Scribe
from tests.figures.test_property import PROVIDERS, fresh_env

SECRET = disclosure_secret("p" * 40)
Table = dict[tuple[str, str | None], dict[str, Any]]


def table(runner: FiguresRunner, metric: str, exact: bool, start: int = 1, end: int = 7,
          provider: str | None = None) -> Table:
    """A metric's rows over months of 2025, keyed by (month, provider)."""
    question = Question(metric, Month(2025, start), Month(2025, end), provider)
    body = outcomes(runner.view, question, is_exact=exact, secret=SECRET)
    return {(r["month"], r["provider_id"]): r for r in body["rows"]}


def check_counts(metric: str, shown: Table, exact: Table) -> None:
    """Counts: null only below threshold + band, else a multiple of 5 less than 5 away."""
    for key, row in shown.items():
        for name in METRICS[metric].policy.counts:
            if row[name] is None:
                assert exact[key][name] < 5 + SUPPRESSION_BAND
            else:
                assert row[name] % 5 == 0
                assert abs(row[name] - exact[key][name]) < 5


def check_costs(shown: Table, exact: Table) -> None:
    """Money to £100 of the exact, per person from what is shown, and never one hidden provider."""
    for key, row in shown.items():
        if row["cost_gbp"] is not None:
            assert abs(Decimal(row["cost_gbp"]) - Decimal(exact[key]["cost_gbp"])) < 100
            assert round(Decimal(row["cost_gbp"]) / Decimal(row["cost_per_person_gbp"])) == row["people"]
    for month in {m for (m, _) in shown}:
        hidden = [p for (m, p), r in shown.items() if m == month and p and r["cost_gbp"] is None]
        assert len(hidden) != 1 or shown[(month, None)]["cost_gbp"] is None


def check_protection(runner: FiguresRunner) -> None:
    """No hidden cost is narrowed below its protection interval by the directory's unit costs,
    the people shown and the borough less the costs shown."""
    directory = directory_listing(LiveFacts(runner.view))
    shown = list(table(runner, "cost", exact=False).values())
    assert too_narrow(shown, table(runner, "cost", exact=True), directory) == []


def check_rates(shown: Table) -> None:
    """An acceptance rate is accepted ÷ (accepted + declined) as shown, or null beside a null."""
    for row in shown.values():
        if row["accepted"] is None or row["declined"] is None:
            assert row["acceptance_rate"] is None
        else:
            assert row["acceptance_rate"] == rate(row["accepted"], row["accepted"] + row["declined"])


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                HealthCheck.too_slow])
@given(rng=st.randoms(use_true_random=False))
def test_a_commissioners_figures_stay_within_the_published_rounding(
    database_url: str, rng: random.Random
) -> None:
    """Every metric of a random borough of 30 people, checked cell by cell against the exact,
    and every hidden cost against the attack on its protection interval."""
    env = fresh_env(database_url)
    ledger = Ledger(env=env)
    random_borough.build(Scribe(ledger), rng, people=30, actions=700)
    runner = FiguresRunner(env, app=ledger, batch_size=500)
    runner.catch_up()
    try:
        for metric in METRICS:
            shown = table(runner, metric, exact=False)
            check_counts(metric, shown, table(runner, metric, exact=True))
            provider = rng.choice(PROVIDERS)
            alone = table(runner, metric, exact=False, start=3, end=4, provider=provider)
            assert all(shown[key] == row for key, row in alone.items())
        check_costs(table(runner, "cost", False), table(runner, "cost", True))
        check_protection(runner)
        check_rates(table(runner, "referrals", False))
    finally:
        runner.stop()
        ledger.close()
