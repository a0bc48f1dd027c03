"""Disclosure control's rounding and threshold, for every count: what a commissioner can never see."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from projections.figures.disclosure import Policy, controlled, exact, rounded

COUNTS = st.integers(min_value=0, max_value=100_000)
POLICY = Policy(("referrals", "accepted"), {"median_days": "accepted"})


@given(COUNTS)
def test_a_rounded_count_is_a_multiple_of_five_within_two_of_the_count(count: int) -> None:
    """Rounding to the nearest 5 never moves a count by more than 2."""
    shown = rounded(count)
    assert shown % 5 == 0
    assert abs(shown - count) <= 2


@given(COUNTS, COUNTS, st.integers(min_value=1, max_value=20))
def test_no_count_below_the_threshold_is_ever_shown(referrals: int, accepted: int, threshold: int) -> None:
    """A count under the threshold is null and listed; the others are rounded."""
    row = {"referrals": referrals, "accepted": accepted, "median_days": 12}
    shown = controlled(row, POLICY, threshold)
    for name, count in (("referrals", referrals), ("accepted", accepted)):
        if count < threshold:
            assert shown[name] is None
            assert name in shown["suppressed_fields"]
        else:
            assert shown[name] == rounded(count)


@given(COUNTS)
def test_a_median_is_hidden_exactly_when_its_count_is_small(accepted: int) -> None:
    """The median follows the count it rests on."""
    shown = controlled({"referrals": 50, "accepted": accepted, "median_days": 12}, POLICY)
    assert (shown["median_days"] is None) == (accepted < 5)


def test_an_analyst_sees_every_figure_exactly_and_no_basis() -> None:
    """exact keeps 3 as 3 and drops the hidden _basis."""
    shown = exact({"referrals": 3, "rate": 0.5, "_basis": {"rate": (1, 2)}})
    assert shown == {"referrals": 3, "rate": 0.5, "suppressed_fields": []}
