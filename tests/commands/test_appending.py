"""Appending to a story: guards, referrals to registered providers, all-or-nothing batches."""

from __future__ import annotations

from uuid import UUID, uuid4

import pytest
from builders import contact, event, provider, referral, registration

from commands import Ledger
from ledger.errors import InvalidEvent, StoryMovedOn, UnknownProvider


@pytest.fixture
def person(ledger: Ledger) -> UUID:
    """A registered person in a borough with a Hub, a GP and a CMHT."""
    for code, tier in (("hub", "community"), ("gp-1", "primary"), ("cmht", "secondary")):
        ledger.register_provider(provider(code, tier=tier))
    person_id = uuid4()
    ledger.register_person(person_id, registration(1))
    return person_id


def test_a_referral_to_a_registered_provider_is_appended(ledger: Ledger, person: UUID) -> None:
    """The story grows by one version."""
    assert ledger.append(person, [referral(sender="hub")]).version == 2


def test_a_referral_to_an_unregistered_provider_is_refused(ledger: Ledger, person: UUID) -> None:
    """Referrals only to registered providers."""
    with pytest.raises(UnknownProvider) as refusal:
        ledger.append(person, [referral(to="nowhere", sender="hub")])
    assert refusal.value.field == "data.to_provider_id"


def test_a_batch_with_one_bad_event_appends_nothing(ledger: Ledger, person: UUID) -> None:
    """A batch is all or nothing."""
    bad = event("ReferralAccepted", {"referral_id": "r-9"}, "hub")
    with pytest.raises(InvalidEvent):
        ledger.append(person, [contact("c-1"), bad])
    assert ledger.story(person).version == 1


def test_a_batch_appends_every_event_in_order(ledger: Ledger, person: UUID) -> None:
    """Versions follow the batch's order."""
    ledger.append(person, [referral(sender="hub"), contact("c-1")])
    types = [e.type for e in ledger.story(person).entries]
    assert types == ["PersonRegistered", "ReferralMade", "ContactRecorded"]


def test_the_expected_version_must_be_the_current_one(ledger: Ledger, person: UUID) -> None:
    """A caller who last saw an older version is refused, not overwritten."""
    ledger.append(person, [contact("c-1")])
    with pytest.raises(StoryMovedOn):
        ledger.append(person, [contact("c-2")], expected_version=1)
    assert ledger.story(person).version == 2


def test_the_expected_version_when_current_appends(ledger: Ledger, person: UUID) -> None:
    """A caller who saw the current version appends."""
    assert ledger.append(person, [contact("c-1")], expected_version=1).version == 2


def test_a_retraction_is_stored_and_read_back(ledger: Ledger, person: UUID) -> None:
    """The retracted version is known after reloading from PostgreSQL."""
    ledger.append(person, [contact("c-1")])
    ledger.append(person, [event("EventRetracted", {"version": 2, "reason": "wrong person"})])
    assert ledger.story(person).retracted == {2}


def test_every_event_records_both_times_and_who(ledger: Ledger, person: UUID) -> None:
    """occurred_at, recorded_at, provider and staff member are kept on every event."""
    ledger.append(person, [contact("c-1", provider_id="hub")])
    entry = ledger.story(person).entries[-1]
    assert (entry.provider_id, entry.staff_id) == ("hub", "s-1")
    assert entry.recorded_at > entry.occurred_at
