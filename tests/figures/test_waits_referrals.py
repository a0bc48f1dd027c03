"""Waiting times and referral outcomes over the hand-built borough."""

from __future__ import annotations

from tests.figures.borough import Rows


def test_referrals_waiting_at_march_end_count_to_the_day_after(rows: Rows) -> None:
    """End of March: A waited 29 days and B 12 (to 1 April), so the median is 20.5."""
    march = rows("waiting-times")[("2025-03", "cmht")]
    assert (march["seen"], march["still_waiting"], march["still_waiting_median_days"]) == (0, 2, 20.5)


def test_seen_ignores_dna_email_and_retracted_contacts(rows: Rows) -> None:
    """April: A seen after 30 days, B after 21: median 25.5, p90 30."""
    april = rows("waiting-times")[("2025-04", "cmht")]
    assert (april["seen"], april["median_days"], april["p90_days"]) == (2, 25.5, 30)


def test_declined_referral_is_neither_seen_nor_waiting(rows: Rows) -> None:
    """April: only D's re-referral is still waiting (6 days to 1 May)."""
    april = rows("waiting-times")[("2025-04", None)]
    assert (april["still_waiting"], april["still_waiting_median_days"]) == (1, 6)


def test_retracted_decline_then_acceptance_counts_as_accepted(rows: Rows) -> None:
    """March: two referrals to cmht, one accepted, none declined."""
    march = rows("referrals")[("2025-03", "cmht")]
    assert (march["referrals"], march["accepted"], march["declined"]) == (2, 1, 0)
    assert (march["acceptance_rate"], march["avoidable_share"]) == (1.0, 0.0)


def test_declined_referral_is_avoidable(rows: Rows) -> None:
    """April: D's referral declined: acceptance 0, avoidable share 1."""
    april = rows("referrals")[("2025-04", "cmht")]
    assert (april["acceptance_rate"], april["avoidable_share"]) == (0.0, 1.0)


def test_borough_referrals_cover_the_secondary_tier(rows: Rows) -> None:
    """Borough-wide referrals are those to cmht, the one secondary provider."""
    assert rows("referrals")[("2025-04", None)]["referrals"] == 2


def test_change_against_a_baseline_uses_its_monthly_mean(rows: Rows) -> None:
    """Against February to March (mean 1 a month), April's 2 referrals are +100%."""
    april = rows("referrals", "2025-04", "2025-04", baseline=(_m("2025-02"), _m("2025-03")))
    assert april[("2025-04", None)]["change_vs_baseline"] == 1.0


def _m(text: str) -> object:
    from projections.calendar import Month

    return Month.parse(text)
