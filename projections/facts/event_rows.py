"""From a stored event to the fact rows it adds: one small function per kind of event."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from ledger.directory import Provider
from ledger.story import PersonStory
from ledger.vocabulary import ATTENDED, DIRECT_CHANNELS
from projections.calendar import london_date

Row = tuple[Any, ...]
IDENTITY_FIELDS = ("nhs_number", "given_name", "family_name")


def _story(event: Any) -> Row:
    return (event.originator_id, event.originator_version, event.timestamp, event.provider_id,
            event.occurred_at, london_date(event.occurred_at))


def _contact(event: Any) -> Row:
    data = event.data
    direct = data["attendance"] == ATTENDED and data["channel"] in DIRECT_CHANNELS
    return (*_story(event), data["contact_id"], data["channel"], data["attendance"],
            data["purpose"], data.get("referral_id"), direct)


def _referral(event: Any) -> Row:
    data = event.data
    return (*_story(event), data["referral_id"], data["to_provider_id"], data["priority"],
            data["source"], list(data.get("needs") or []))


def _sealed(data: dict[str, Any]) -> tuple[str | None, ...]:
    return tuple(None if data.get(f) is None else json.dumps(data[f]) for f in IDENTITY_FIELDS)


def as_stored(row: Row, stored: dict[str, Any]) -> Row:
    """An ``identities`` row with its values as the log stores them (sealed markers), even when
    the event was decoded by a mapper that opens them."""
    return (*row[:-len(IDENTITY_FIELDS)], *_sealed(stored))


def _identity(change: str) -> Callable[[Any], Row]:
    def row(event: Any) -> Row:  # each value stays sealed: JSON of the stored marker, or None
        return (*_story(event), change, *_sealed(event.data))

    return row


def _decision(decision: str) -> Callable[[Any], Row]:
    def row(event: Any) -> Row:
        reason = event.data.get("reason")  # a closure code; a decline's free text is sealed
        reason = reason if isinstance(reason, str) and decision == "closed" else None
        return (*_story(event), event.data["referral_id"], decision, reason)

    return row


def _key_worker(change: str) -> Callable[[Any], Row]:
    def row(event: Any) -> Row:
        return (*_story(event), change, event.data["key_worker_staff_id"])

    return row


def _ward(movement: str) -> Callable[[Any], Row]:
    def row(event: Any) -> Row:
        data = event.data
        return (*_story(event), data["stay_id"], movement, data.get("ward_type"),
                data.get("destination"))

    return row


def _provider(event: Any) -> Row:
    data = event.data
    provider_id = getattr(event, "provider_id", None)
    return (event.originator_id, event.originator_version, event.timestamp, provider_id,
            event.occurred_at, london_date(event.occurred_at), data.get("name"), data.get("tier"),
            data.get("service"), data["unit_cost_gbp"], data["bed_day_cost_gbp"])


FACTS: dict[str, tuple[str, Callable[[Any], Row]]] = {
    PersonStory.ContactRecorded.TOPIC: ("contacts", _contact),
    PersonStory.ReferralMade.TOPIC: ("referrals", _referral),
    PersonStory.ReferralAccepted.TOPIC: ("decisions", _decision("accepted")),
    PersonStory.ReferralDeclined.TOPIC: ("decisions", _decision("declined")),
    PersonStory.ReferralClosed.TOPIC: ("decisions", _decision("closed")),
    PersonStory.AssessmentRecorded.TOPIC: ("assessments",
                                           lambda e: (*_story(e), e.data["assessment_id"])),
    PersonStory.SelfAssessmentSubmitted.TOPIC: ("self_assessments",
                                               lambda e: (*_story(e), e.data["self_assessment_id"])),
    PersonStory.KeyWorkerAssigned.TOPIC: ("key_workers", _key_worker("assigned")),
    PersonStory.KeyWorkerEnded.TOPIC: ("key_workers", _key_worker("ended")),
    PersonStory.AdmittedToWard.TOPIC: ("ward_events", _ward("admitted")),
    PersonStory.DischargedFromWard.TOPIC: ("ward_events", _ward("discharged")),
    PersonStory.PersonRegistered.TOPIC: ("identities", _identity("registered")),
    PersonStory.DetailsUpdated.TOPIC: ("identities", _identity("updated")),
    PersonStory.RelationshipClaimed.TOPIC: ("relationship_claims", _story),
    PersonStory.EventRetracted.TOPIC: ("retractions", lambda e: (*_story(e), e.data["version"])),
    Provider.ProviderRegistered.TOPIC: ("providers", _provider),
    Provider.ProviderCostsChanged.TOPIC: ("providers", _provider),
}
TOPICS: tuple[str, ...] = tuple(FACTS)


def fact_of(event: Any) -> tuple[str, Row] | None:
    """The table and row an event adds, or None for events no figure reads."""
    entry = FACTS.get(type(event).TOPIC)
    if entry is None:
        return None
    table, build = entry
    return table, build(event)
