"""Cost, moves out of rehab and handoffs over the hand-built borough."""

from __future__ import annotations

from tests.figures.borough import Rows


def test_unit_cost_in_force_at_each_contact(rows: Rows) -> None:
    """Hub in April: A's contact at £40, D's after the mid-month rise at £50."""
    hub = rows("cost")[("2025-04", "hub")]
    assert (hub["cost_gbp"], hub["people"], hub["cost_per_person_gbp"]) == ("90.00", 2, "45.00")


def test_bed_days_of_a_stay_begun_before_the_window(rows: Rows) -> None:
    """Rehab in April: 9 days at £300 and 10 at £350 (discharge day not a bed day)."""
    assert rows("cost", "2025-04", "2025-04")[("2025-04", "rehab")]["cost_gbp"] == "6200.00"


def test_borough_cost_per_person(rows: Rows) -> None:
    """April borough-wide: £6,490 over A, B, C and D."""
    april = rows("cost")[("2025-04", None)]
    assert (april["cost_gbp"], april["people"], april["cost_per_person_gbp"]) == ("6490.00", 4, "1622.50")


def test_open_stay_counts_bed_days_to_month_end(rows: Rows) -> None:
    """May: C on the acute ward from the 10th to the 31st, 22 days at £500."""
    assert rows("cost")[("2025-05", "acute")]["cost_gbp"] == "11000.00"


def test_move_out_of_rehab_with_length_of_stay_and_readmission(rows: Rows) -> None:
    """April: C moved home after 59 days, readmitted within 90 days; no rehab inpatients left."""
    april = rows("rehab-moves")[("2025-04", None)]
    assert (april["moves"], april["rehab_inpatients"], april["median_length_of_stay_days"],
            april["readmissions_90d"]) == (1, 0, 59, 1)


def test_rehab_inpatients_at_march_end(rows: Rows) -> None:
    """End of March: C is still on the rehab ward."""
    assert rows("rehab-moves")[("2025-03", "rehab")]["rehab_inpatients"] == 1


def test_handoffs_in_april(rows: Rows) -> None:
    """April: 2 referrals for 1 person, a repeat assessment, a re-referral, a key-worker change."""
    april = rows("handoffs")[("2025-04", None)]
    assert (april["referrals_per_person"], april["repeat_assessments"], april["re_referrals"],
            april["key_worker_changes"]) == (2.0, 1, 1, 1)


def test_story_reuse_is_unknown_without_an_access_log(rows: Rows) -> None:
    """With no access log, story reuse is None rather than a misleading zero."""
    assert rows("handoffs")[("2025-04", "cmht")]["story_reuse_rate"] is None
