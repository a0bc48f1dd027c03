"""Disclosure control's rounding and threshold, for every count: what a commissioner can never see."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from projections.figures.cell_key import disclosure_secret
from projections.figures.disclosure import SUPPRESSION_BAND, Control, Policy, controlled, exact

COUNTS = st.integers(min_value=0, max_value=100_000)
POLICY = Policy(("referrals", "accepted"), {"median_days": "accepted"})
SECRET = disclosure_secret("r" * 40)


def shown(referrals: int, accepted: int, threshold: int = 5) -> dict[str, object]:
    """A March row at cmht as a commissioner sees it."""
    row = {"month": "2025-03", "provider_id": "cmht", "referrals": referrals, "accepted": accepted,
           "median_days": 12}
    return controlled(row, POLICY, Control(SECRET, threshold), "referrals")


@given(COUNTS, COUNTS)
def test_a_shown_count_is_a_multiple_of_five_less_than_five_away(referrals: int, accepted: int) -> None:
    """Random rounding moves a count to a neighbouring multiple of 5, never further."""
    row = shown(referrals, accepted)
    for name, count in (("referrals", referrals), ("accepted", accepted)):
        value = row[name]
        if value is not None:
            assert isinstance(value, int)
            assert value % 5 == 0
            assert abs(value - count) < 5


@given(COUNTS, COUNTS, st.integers(min_value=1, max_value=20))
def test_no_count_below_the_threshold_is_ever_shown(referrals: int, accepted: int, threshold: int) -> None:
    """A count under the threshold is null and listed; from threshold + band it is always shown."""
    row = shown(referrals, accepted, threshold)
    for name, count in (("referrals", referrals), ("accepted", accepted)):
        if count < threshold:
            assert row[name] is None
            assert name in row["suppressed_fields"]  # type: ignore[operator]
        elif count >= threshold + SUPPRESSION_BAND:
            assert row[name] is not None


@given(COUNTS)
def test_a_median_is_hidden_exactly_when_its_count_is(accepted: int) -> None:
    """The median follows the count it rests on."""
    row = shown(50, accepted)
    assert (row["median_days"] is None) == (row["accepted"] is None)


def test_an_analyst_sees_every_figure_exactly_and_no_hidden_counts() -> None:
    """exact keeps 3 as 3 and drops the hidden _counts."""
    row = exact({"referrals": 3, "rate": 0.5, "_counts": {"avoidable": 1}})
    assert row == {"referrals": 3, "rate": 0.5, "suppressed_fields": []}
