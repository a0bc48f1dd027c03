"""Who may write to a story: only a provider with a care relationship, as the story's facts say.

A provider with no relationship gets the answer an unknown story gets, and nothing is written;
within 30 days of a relationship's end it may still add entries dated inside it and retract its
own. The import (an operator's tool run with the database's own credentials) does not pass here:
it keeps every rule of the catalogue, and what it imports establishes relationships like
anything else.
"""

from __future__ import annotations

from datetime import datetime

from ledger.catalogue import Occurrence
from ledger.errors import NotPermitted
from ledger.registration import no_story
from ledger.relationships import standing, ties
from ledger.story import PersonStory
from ledger.vocabulary import NETWORK_SERVICES

ESTABLISHING = ("ReferralMade", "AdmittedToWard", "KeyWorkerAssigned")  # entries that begin a tie


def check_may_write(story: PersonStory, occurrence: Occurrence, now: datetime, service: str) -> None:
    """Refuse, as if the story did not exist, a write by a provider with no standing in it; and
    refuse the writes by which a provider would widen its own standing."""
    found = standing(occurrence.provider_id, ties(story.entries, story.retracted), now)
    allowed = found.any if occurrence.type == "EventRetracted" else found.admits(occurrence.occurred_at)
    if not allowed:
        raise no_story(story.id)  # the one answer for an unknown story and a forbidden one
    if not found.current and occurrence.type in ESTABLISHING:
        raise NotPermitted(f"type: a relationship that has ended cannot begin another "
                           f"({occurrence.type})", "type")
    data = occurrence.data()
    if (not found.current and occurrence.type == "EventRetracted"
            and standing(occurrence.provider_id, ties(story.entries, story.retracted | {data["version"]}),
                         now).current):
        raise NotPermitted("data.version: retracting this entry would begin again a relationship "
                           "that has ended", "data.version")
    if occurrence.type == "ReferralMade" and data["to_provider_id"] == occurrence.provider_id:
        raise NotPermitted("data.to_provider_id: a provider does not refer to itself",
                           "data.to_provider_id")
    if (occurrence.type == "ConsentRecorded" and data["scope"] == "share_with_network"
            and service in NETWORK_SERVICES):
        raise NotPermitted("type: consent to share with the Network is recorded by a provider "
                           "outside it (the person's Hub, GP or care team)", "type")
