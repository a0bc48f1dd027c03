"""Disclosure control of one row: counts first, then every rate and cost from controlled counts."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from projections.figures.cell_key import disclosure_secret
from projections.figures.disclosure import SUPPRESSION_BAND, Control, Policy, controlled
from projections.figures.outcomes import METRICS

CONTROL = Control(disclosure_secret("i" * 40))
REFERRALS = METRICS["referrals"].policy
COST = METRICS["cost"].policy
WAITS = Policy(("seen",), {"median_days": "seen"})


def row(**figures: Any) -> dict[str, Any]:
    """A row of March 2025 at cmht with these figures."""
    return {"month": "2025-03", "provider_id": "cmht", **figures}


def referrals(accepted: int, declined: int) -> dict[str, Any]:
    """A referrals row, its exact rates computed from the exact counts."""
    return controlled(row(referrals=accepted + declined, accepted=accepted, declined=declined,
                          acceptance_rate=accepted / (accepted + declined), avoidable_share=0.1,
                          change_vs_baseline=None, _counts={"avoidable": declined}),
                      REFERRALS, CONTROL, "referrals")


def test_counts_below_the_threshold_are_suppressed_and_listed() -> None:
    """3 declined is null and named in suppressed_fields."""
    shown = referrals(40, 3)
    assert shown["declined"] is None
    assert "declined" in shown["suppressed_fields"]


def test_counts_are_multiples_of_five_within_five_of_the_exact() -> None:
    """Every count from 0 to 100 is null (only below 5 + the band) or a multiple of 5 within 5."""
    for value in range(101):
        shown = controlled(row(seen=value, median_days=1), WAITS, CONTROL, "waiting-times")["seen"]
        assert value < 5 + SUPPRESSION_BAND if shown is None else shown % 5 == 0 and abs(shown - value) < 5


def test_counts_just_over_the_threshold_are_sometimes_suppressed() -> None:
    """Some cells of exactly 5 are null, so the moment a cell first shows does not pin it at 5."""
    shown = [controlled({**row(seen=5, median_days=1), "month": f"{2000 + n}-01"}, WAITS, CONTROL,
                        "waiting-times")["seen"] for n in range(60)]
    assert None in shown
    assert 5 in shown


def test_a_rate_beside_a_suppressed_count_is_suppressed() -> None:
    """40 accepted and 3 declined: the acceptance rate would pin the 3, so it is null."""
    shown = referrals(40, 3)
    assert shown["acceptance_rate"] is None
    assert "acceptance_rate" in shown["suppressed_fields"]


def test_a_rate_is_computed_from_the_controlled_counts() -> None:
    """The acceptance rate shown is accepted ÷ (accepted + declined) as shown, never the exact one."""
    shown = referrals(23, 12)
    assert shown["acceptance_rate"] == round(shown["accepted"] / (shown["accepted"] + shown["declined"]), 4)


def test_money_is_rounded_to_a_hundred_pounds_and_divided_by_controlled_people() -> None:
    """£1,234.56 over 12 people: a multiple of £100, and the cost per person is cost ÷ people shown."""
    shown = controlled(row(cost_gbp="1234.56", people=12, cost_per_person_gbp="102.88"), COST,
                       CONTROL, "cost")
    assert Decimal(shown["cost_gbp"]) in (Decimal(1200), Decimal(1300))
    per_person = Decimal(shown["cost_gbp"]) / shown["people"]
    assert shown["cost_per_person_gbp"] == str(per_person.quantize(Decimal("0.01")))


def test_money_is_suppressed_with_its_people() -> None:
    """£9,000 of bed days for 2 people: cost and cost per person are null."""
    shown = controlled(row(cost_gbp="9000.00", people=2, cost_per_person_gbp="4500.00"), COST,
                       CONTROL, "cost")
    assert shown["suppressed_fields"] == ["cost_gbp", "cost_per_person_gbp", "people"]


def test_a_median_follows_its_count() -> None:
    """A median over 40 referrals seen is shown (rounded to 5 days); over 4 it is hidden."""
    shown = controlled(row(seen=40, median_days=12.5), WAITS, CONTROL, "waiting-times")
    hidden = controlled(row(seen=4, median_days=12.5), WAITS, CONTROL, "waiting-times")
    assert (shown["median_days"] in (10, 15), hidden["median_days"]) == (True, None)


def test_the_threshold_is_configurable() -> None:
    """With a threshold of 10, a count of 9 is suppressed."""
    strict = Control(CONTROL.secret, threshold=10)
    assert controlled(row(seen=9, median_days=3), WAITS, strict, "waiting-times")["seen"] is None
