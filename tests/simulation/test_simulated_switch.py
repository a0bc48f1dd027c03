"""The Hub and the Network opening half way moves each headline figure the case study's way."""

from __future__ import annotations

import pytest
from simulated_figures import Figures, figures

BEFORE = [f"2024-{month:02d}" for month in range(1, 7)]
AFTER = [f"2024-{month:02d}" for month in range(7, 13)]
"""The small borough runs through 2024 and switches at the start of July."""


@pytest.fixture(scope="module")
def small_figures(small_borough: list[str]) -> Figures:
    """The small borough's headline figures."""
    return figures(small_borough)


def _mean(values: dict[str, int], months: list[str]) -> float:
    return sum(values.get(month, 0) for month in months) / len(months)


def test_the_hub_supports_people_only_once_open(small_figures: Figures) -> None:
    """No one is supported by the Hub before the switch; over a hundred a month after."""
    people = {month: len(seen) for month, seen in small_figures.hub_people.items()}
    assert _mean(people, BEFORE) == 0
    assert _mean(people, AFTER) > 100


def test_secondary_care_waits_fall_to_about_a_week(small_figures: Figures) -> None:
    """The median wait for secondary care falls from weeks to about one."""
    before, after = small_figures.median_wait(BEFORE), small_figures.median_wait(AFTER)
    assert before is not None
    assert after is not None
    assert before >= 2 * after
    assert after <= 10


def test_referrals_to_secondary_care_fall(small_figures: Figures) -> None:
    """Fewer referrals reach secondary care each month once the Hub is open."""
    referrals = small_figures.secondary_referrals
    assert _mean(referrals, AFTER) < 0.9 * _mean(referrals, BEFORE)


def test_people_move_out_of_rehab_more_often_with_ipsa(small_figures: Figures) -> None:
    """Moves out of rehab happen, and more of them once IPSA works on them."""
    moves = small_figures.rehab_moves
    assert _mean(moves, BEFORE) > 0
    assert _mean(moves, AFTER) > 2 * _mean(moves, BEFORE)


def test_the_hub_costs_about_a_hundred_pounds_a_person(small_figures: Figures) -> None:
    """Hub cost per person supported stays near the case study's figure."""
    costs = [small_figures.hub_cost_per_person(month) for month in AFTER]
    assert all(cost is not None and 80 < cost < 130 for cost in costs)
