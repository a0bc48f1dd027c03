"""Retraction: a retracted event counts nowhere, the guards included."""

from __future__ import annotations

from typing import Any

import pytest
from builders import contact, event, referral
from stories_in_memory import NOW, story_with

from ledger.errors import InvalidEvent


def retract(version: int, provider: str = "hub") -> Any:
    return event("EventRetracted", {"version": version, "reason": "entered in error"}, provider)


def test_a_recorded_contact_can_be_retracted() -> None:
    """The retracted version is marked, and the story grows by one event."""
    story = story_with(contact(), retract(2))
    assert story.retracted == {2}
    assert story.version == 3


def test_a_retracted_decline_leaves_the_referral_open() -> None:
    """After the decline is retracted, the referral can be accepted."""
    decline = event("ReferralDeclined", {"referral_id": "r-1", "reason": "no"}, "cmht")
    story = story_with(referral(), decline, retract(3, "cmht"))
    story.record(event("ReferralAccepted", {"referral_id": "r-1"}, "cmht"), NOW)
    assert story.facts.referrals["r-1"].status == "accepted"


def test_a_version_that_does_not_exist_cannot_be_retracted() -> None:
    """Retraction only of an existing event."""
    with pytest.raises(InvalidEvent, match="not an event that can be retracted") as refusal:
        story_with(contact()).record(retract(7), NOW)
    assert refusal.value.field == "data.version"


def test_an_event_cannot_be_retracted_twice() -> None:
    """Retraction only of an event not yet retracted."""
    with pytest.raises(InvalidEvent, match="not an event that can be retracted"):
        story_with(contact(), retract(2)).record(retract(2), NOW)


def test_the_registration_cannot_be_retracted() -> None:
    """The first event anchors the story."""
    with pytest.raises(InvalidEvent, match="not an event that can be retracted"):
        story_with(contact()).record(retract(1), NOW)


def test_a_retraction_cannot_be_retracted() -> None:
    """Corrections are corrected by new events, not by retracting a retraction."""
    with pytest.raises(InvalidEvent, match="not an event that can be retracted"):
        story_with(contact(), retract(2)).record(retract(3), NOW)


def test_an_event_that_later_events_depend_on_cannot_be_retracted() -> None:
    """A referral with a decision on it stays, or the decision would be orphaned."""
    accept = event("ReferralAccepted", {"referral_id": "r-1"}, "cmht")
    with pytest.raises(InvalidEvent, match="depend on version 2"):
        story_with(referral(), accept).record(retract(2, "gp-1"), NOW)


def test_only_the_recording_provider_may_retract_an_entry() -> None:
    """The Hub cannot retract a contact that cmht recorded (it would change cmht's figures)."""
    with pytest.raises(InvalidEvent, match="only the provider that recorded") as refusal:
        story_with(contact(provider_id="cmht")).record(retract(2, "hub"), NOW)
    assert refusal.value.field == "data.version"
