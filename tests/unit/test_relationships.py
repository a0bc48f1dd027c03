"""Care relationships: established by facts in the story, ended by them, never by writing."""

from __future__ import annotations

from builders import at, contact, event, referral
from stories_in_memory import story_with

from ledger.catalogue import Occurrence
from ledger.relationships import GRACE, Standing, standing, ties


def retract(version: int, provider: str = "hub") -> Occurrence:
    return event("EventRetracted", {"version": version, "reason": "entered in error"}, provider)


def standing_of(provider: str, *occurrences: Occurrence, days_later: float = 0) -> Standing:
    story = story_with(*occurrences)
    return standing(provider, ties(story.entries, story.retracted), at(days_later))


def test_the_registering_provider_has_a_current_relationship() -> None:
    """Registering the person is a relationship."""
    assert standing_of("hub").current


def test_a_stranger_has_none() -> None:
    """A provider that appears nowhere in the story has no standing at all."""
    assert not standing_of("housing-1").any


def test_recording_an_entry_is_not_a_relationship() -> None:
    """A write never creates its own permission: a contact recorded by cmht gives it nothing."""
    assert not standing_of("cmht", contact(provider_id="cmht")).any


def test_a_referred_team_has_a_relationship() -> None:
    """Receiving a referral that still stands is a relationship."""
    assert standing_of("cmht", referral()).current


def test_the_sender_keeps_it_until_the_referral_is_decided() -> None:
    """The referring GP's relationship ends when the receiver accepts."""
    accepted = event("ReferralAccepted", {"referral_id": "r-1"}, "cmht")
    assert standing_of("gp-1", referral()).current
    assert not standing_of("gp-1", referral(), accepted).current


def test_a_declined_referral_lapses_into_grace_then_ends() -> None:
    """After a decline the team may add late entries for 30 days, then nothing."""
    declined = event("ReferralDeclined", {"referral_id": "r-1", "reason": "no"}, "cmht")
    soon = standing_of("cmht", referral(), declined, days_later=1)
    assert not soon.current
    assert soon.any
    assert soon.admits(at(0))
    assert not soon.admits(at(0.5))
    later = standing_of("cmht", referral(), declined, days_later=GRACE.days + 1)
    assert not later.any


def test_a_retracted_referral_establishes_nothing() -> None:
    """A retracted referral never happened, for relationships as for figures."""
    assert not standing_of("cmht", referral(), retract(2, "gp-1")).any


def test_the_ward_holds_the_person_until_discharge() -> None:
    """An open stay is a relationship of the ward's provider."""
    admitted = event("AdmittedToWard", {"stay_id": "w-1", "ward_type": "acute",
                                        "out_of_area": False}, "ward-1")
    discharged = event("DischargedFromWard", {"stay_id": "w-1", "destination": "own_home"},
                       "ward-1", at(1))
    assert standing_of("ward-1", admitted).current
    assert not standing_of("ward-1", admitted, discharged, days_later=2).current


def test_the_key_workers_employer_holds_it_until_replaced() -> None:
    """A new key worker at another provider ends the first employer's relationship."""
    first = event("KeyWorkerAssigned", {"key_worker_staff_id": "kw-1"}, "network-1")
    second = event("KeyWorkerAssigned", {"key_worker_staff_id": "kw-1"}, "cmht", at(1))
    assert standing_of("network-1", first).current
    replaced = standing_of("network-1", first, second, days_later=2)
    assert not replaced.current
    assert replaced.any


def test_grace_runs_from_the_end_not_the_start() -> None:
    """Thirty days counts from when the relationship ended."""
    declined = event("ReferralDeclined", {"referral_id": "r-1", "reason": "no"}, "cmht", at(10))
    edge = standing_of("cmht", referral(), declined, days_later=10 + GRACE.days)
    assert edge.any
    assert edge.lapsed_at == at(10)
