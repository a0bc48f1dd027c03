"""Disclosure control: what a commissioner sees of exact figures."""

from __future__ import annotations

from projections.figures.disclosure import Policy, controlled

REFERRALS = Policy(("referrals", "accepted", "declined"))
WAITS = Policy(("seen",), {"median_days": "seen"})


def test_counts_below_the_threshold_are_suppressed_and_listed() -> None:
    """3 accepted is shown as null and named in suppressed_fields."""
    row = {"month": "2025-04", "provider_id": "cmht", "referrals": 12, "accepted": 3, "declined": 9}
    shown = controlled(row, REFERRALS)
    assert (shown["accepted"], shown["suppressed_fields"]) == (None, ["accepted"])


def test_other_counts_are_rounded_to_the_nearest_five() -> None:
    """12 becomes 10 and 8 becomes 10."""
    row = {"month": "2025-04", "provider_id": None, "referrals": 12, "accepted": 8, "declined": 5}
    shown = controlled(row, REFERRALS)
    assert (shown["referrals"], shown["accepted"], shown["declined"]) == (10, 10, 5)


def test_a_rate_resting_on_a_small_denominator_is_suppressed() -> None:
    """An acceptance rate over 4 decisions is hidden even though its counts are not small."""
    row = {"month": "2025-04", "provider_id": None, "acceptance_rate": 0.75, "_basis": {
        "acceptance_rate": (3, 4)}}
    assert controlled(row, Policy(()))["acceptance_rate"] is None


def test_a_median_follows_its_count() -> None:
    """A median over 6 referrals seen is shown; over 4 it is hidden."""
    shown = controlled({"seen": 6, "median_days": 12.5}, WAITS)
    hidden = controlled({"seen": 4, "median_days": 12.5}, WAITS)
    assert (shown["median_days"], hidden["median_days"]) == (12.5, None)


def test_the_threshold_is_configurable() -> None:
    """With a threshold of 7, a count of 6 is suppressed."""
    assert controlled({"seen": 6, "median_days": 3}, WAITS, threshold=7)["seen"] is None
