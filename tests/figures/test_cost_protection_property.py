"""Random months of costs, published as a commissioner sees them: the unit-cost attack
(``cost_attack``) never narrows a hidden cost below the protection rule. The months are made to
favour the attack: few contacts beyond one a person, so each cost sits near its floor."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from projections.calendar import Month
from projections.figures import cost
from projections.figures.cell_key import disclosure_secret
from projections.figures.disclosure import Control
from projections.figures.outcomes import METRICS
from projections.figures.publication import published
from tests.figures.cost_attack import too_narrow

MARCH = Month(2025, 3)
SECRET = disclosure_secret("c" * 40)
RATES = [Decimal(n) for n in (10, 30, 50, 60, 100, 150, 300)]
provider = st.tuples(st.integers(1, 45), st.sampled_from(RATES), st.integers(0, 3))


def month_of(providers: list[tuple[int, Decimal, int]]) -> list[dict[str, Any]]:
    """March's exact cost rows: each provider's people seen once, plus a few more contacts."""
    rows = [{"month": MARCH.label, "provider_id": f"p{n}",
             **cost.figures_of(rate * (people + extra), people)}
            for n, (people, rate, extra) in enumerate(providers)]
    total = sum((rate * (people + extra) for people, rate, extra in providers), Decimal(0))
    everyone = sum(people for people, _, _ in providers)
    return [*rows, {"month": MARCH.label, "provider_id": None, **cost.figures_of(total, everyone)}]


def directory_of(providers: list[tuple[int, Decimal, int]]) -> list[dict[str, Any]]:
    """The directory as ``GET /providers`` lists it: one unit cost each, no beds."""
    return [{"provider_id": f"p{n}", "costs": [{"from": "2024-12-01T09:00:00+00:00",
                                                "unit_cost_gbp": str(rate), "bed_day_cost_gbp": "0"}]}
            for n, (_, rate, _) in enumerate(providers)]


@settings(max_examples=400, deadline=None)
@given(providers=st.lists(provider, min_size=1, max_size=5))
def test_no_hidden_cost_of_a_random_month_is_narrowed_below_its_protection(
    providers: list[tuple[int, Decimal, int]],
) -> None:
    """Up to five providers in one month, each with its people seen about once at its unit cost."""
    exact = month_of(providers)
    least = {(MARCH.label, f"p{n}"): rate for n, (_, rate, _) in enumerate(providers)}
    policy = replace(METRICS["cost"].policy, least_costs=lambda _facts, _months: least)
    shown = published(lambda _facts, _months: exact, policy, "cost", None, [MARCH], None, None,
                      Control(SECRET))
    keyed = {(row["month"], row["provider_id"]): row for row in exact}
    assert too_narrow(shown, keyed, directory_of(providers)) == []
