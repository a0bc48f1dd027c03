"""Referral decisions only on open referrals, by the receiving provider."""

from __future__ import annotations

import pytest
from builders import contact, event, referral
from stories_in_memory import NOW, story_with

from ledger.errors import InvalidEvent


def accepted(provider: str = "cmht") -> object:
    return event("ReferralAccepted", {"referral_id": "r-1"}, provider)


def declined() -> object:
    return event("ReferralDeclined", {"referral_id": "r-1", "reason": "signposted"}, "cmht")


def test_an_open_referral_can_be_accepted() -> None:
    """The receiving provider accepts an open referral."""
    story = story_with(referral(), accepted())
    assert story.facts.referrals["r-1"].status == "accepted"


def test_a_declined_referral_cannot_be_accepted() -> None:
    """A decision needs an open referral."""
    story = story_with(referral(), declined())
    with pytest.raises(InvalidEvent, match="declined, not open"):
        story.record(accepted(), NOW)


def test_an_unknown_referral_cannot_be_accepted() -> None:
    """A decision names a referral of this story."""
    story = story_with()
    with pytest.raises(InvalidEvent, match="no such referral") as refusal:
        story.record(accepted(), NOW)
    assert refusal.value.field == "data.referral_id"


def test_only_the_receiving_provider_decides() -> None:
    """The sender cannot accept its own referral on the receiver's behalf."""
    story = story_with(referral())
    with pytest.raises(InvalidEvent, match="receiving provider") as refusal:
        story.record(accepted("gp-1"), NOW)
    assert refusal.value.field == "provider_id"


def test_an_accepted_referral_can_be_closed() -> None:
    """Closure follows acceptance."""
    closed = event("ReferralClosed", {"referral_id": "r-1", "reason": "treatment_complete"}, "cmht")
    story = story_with(referral(), accepted(), closed)
    assert story.facts.referrals["r-1"].status == "closed"


def test_an_open_referral_that_was_never_accepted_cannot_be_closed() -> None:
    """Only an accepted, open referral is closed."""
    closed = event("ReferralClosed", {"referral_id": "r-1", "reason": "no_contact"}, "cmht")
    story = story_with(referral())
    with pytest.raises(InvalidEvent, match="open, not accepted"):
        story.record(closed, NOW)


def test_a_referral_id_is_unique_within_the_story() -> None:
    """Two referrals cannot share an id."""
    story = story_with(referral())
    with pytest.raises(InvalidEvent, match="already used"):
        story.record(referral(), NOW)


def test_a_contact_may_name_a_referral_of_the_story() -> None:
    """A contact links to the referral it answers."""
    story = story_with(referral(), contact(referral_id="r-1"))
    assert story.version == 3


def test_a_contact_naming_an_unknown_referral_is_refused() -> None:
    """A contact cannot answer a referral the story does not hold."""
    story = story_with()
    with pytest.raises(InvalidEvent, match="no such referral"):
        story.record(contact(referral_id="r-9"), NOW)
