"""People supported, caseload and the waiting list over the hand-built borough."""

from __future__ import annotations

from datetime import date

from projections.facts.runner import FiguresRunner
from projections.figures.caseload import key_worker_caseload, people_on
from projections.figures.fact_reader import LiveFacts
from projections.figures.waiting_list import waiting_list
from tests.figures.borough import A, B, D, Rows


def test_contact_late_on_31_march_utc_counts_in_april(rows: Rows) -> None:
    """A contact at 23:30 UTC on 31 March (BST) is 1 April: hub supports A and D in April."""
    assert rows("people-supported")[("2025-04", "hub")]["people"] == 2


def test_late_entry_counts_in_the_month_it_happened(rows: Rows) -> None:
    """B's hub contact, entered after April's events, counts for hub in March (and only B)."""
    assert rows("people-supported")[("2025-03", "hub")]["people"] == 1


def test_email_dna_and_retracted_contacts_support_nobody(rows: Rows) -> None:
    """cmht supports nobody in March: a did-not-attend, an email and a retracted contact."""
    assert ("2025-03", "cmht") not in rows("people-supported")


def test_borough_people_supported_are_distinct(rows: Rows) -> None:
    """April borough-wide: A, B and D, each once."""
    assert rows("people-supported")[("2025-04", None)]["people"] == 3


def test_caseload_at_month_end_keeps_a_referral_whose_decline_was_retracted(rows: Rows) -> None:
    """End of March: cmht holds A (decline retracted, accepted) and B."""
    assert rows("caseload")[("2025-03", "cmht")]["count"] == 2


def test_caseload_at_april_end_counts_the_re_referral(rows: Rows) -> None:
    """End of April: A, B and D (re-referred on 25 April)."""
    assert rows("caseload")[("2025-04", None)]["count"] == 3


def test_caseload_on_a_date_drops_a_declined_referral(built: FiguresRunner) -> None:
    """On 6 April D's referral was declined that day, so cmht holds A and B only."""
    facts = LiveFacts(built.view)
    assert people_on(facts, "cmht", date(2025, 4, 5)) == sorted([A, B, D], key=str)
    assert people_on(facts, "cmht", date(2025, 4, 6)) == sorted([A, B], key=str)


def test_key_worker_caseload_follows_the_current_key_worker(built: FiguresRunner) -> None:
    """D's key worker is now k2; k1 holds nobody."""
    facts = LiveFacts(built.view)
    assert key_worker_caseload(facts, "hub", "k2") == [D]
    assert key_worker_caseload(facts, "hub", "k1") == []


def test_key_worker_caseload_is_namespaced_by_provider(built: FiguresRunner) -> None:
    """The Hub's k2 holds D; cmht's k2 (the same staff id elsewhere) holds nobody."""
    assert key_worker_caseload(LiveFacts(built.view), "cmht", "k2") == []


def test_waiting_list_holds_open_unseen_referrals_with_days_waited(built: FiguresRunner) -> None:
    """cmht's waiting list on 1 May is D's re-referral, 6 days waited."""
    waits = waiting_list(LiveFacts(built.view), "cmht", date(2025, 5, 1))
    assert [(w["person_id"], w["referral_id"], w["days_waited"]) for w in waits] == [(str(D), "r4", 6)]
