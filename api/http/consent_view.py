"""Consent on reads: a refusal to share with the Network keeps Network providers to their own
entries (and the registration, so they know whom they are helping), break-glass aside."""

from __future__ import annotations

import copy

from ledger.story import PersonStory
from ledger.vocabulary import NETWORK_SERVICES


def consent_given(story: PersonStory, scope: str) -> bool:
    """The latest live ``ConsentRecorded`` of ``scope`` (consent is assumed until refused)."""
    given = True
    for entry in story.entries:
        if (entry.type == "ConsentRecorded" and entry.version not in story.retracted
                and entry.data["scope"] == scope):
            given = bool(entry.data["given"])
    return given


def as_seen_by_network(story: PersonStory, provider_id: str) -> PersonStory:
    """A copy of the story holding only the registration and ``provider_id``'s own entries."""
    seen = copy.copy(story)
    seen.entries = [e for e in story.entries if e.version == 1 or e.provider_id == provider_id]
    return seen


def within_consent(story: PersonStory, provider_id: str, service: str, break_glass: bool) -> PersonStory:
    """The story as a provider may see it under the person's consent to share with the Network."""
    if break_glass or service not in NETWORK_SERVICES or consent_given(story, "share_with_network"):
        return story
    return as_seen_by_network(story, provider_id)
