"""From a stored event's state to the fact rows it adds: one small function per kind of event.

Each function reads the event's state as the log stores it (the dict its transcoder decodes,
the person and version from the stored event), so a catch-up builds no event objects and an
identity's values stay sealed whatever mapper read the log. A decoded event's own ``__dict__``
is that same state (``fact_of``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from ledger.directory import Provider
from ledger.story import PersonStory
from ledger.vocabulary import ATTENDED, DIRECT_CHANNELS
from projections.calendar import london_date

Row = tuple[Any, ...]
State = dict[str, Any]
Build = Callable[[Any, int, State], Row]  # person (originator), version, stored state
IDENTITY_FIELDS = ("nhs_number", "given_name", "family_name")


def _story(person: Any, version: int, state: State) -> Row:
    at = state["occurred_at"]
    return (person, version, state["timestamp"], state["provider_id"], at, london_date(at))


def _contact(person: Any, version: int, state: State) -> Row:
    data, at = state["data"], state["occurred_at"]
    attendance, channel = data["attendance"], data["channel"]
    return (person, version, state["timestamp"], state["provider_id"], at, london_date(at),
            data["contact_id"], channel, attendance, data["purpose"], data.get("referral_id"),
            attendance == ATTENDED and channel in DIRECT_CHANNELS)


def _referral(person: Any, version: int, state: State) -> Row:
    data = state["data"]
    return (*_story(person, version, state), data["referral_id"], data["to_provider_id"],
            data["priority"], data["source"], list(data.get("needs") or []))


def _identity(change: str) -> Build:
    def row(person: Any, version: int, state: State) -> Row:  # JSON of the stored marker, or None
        data = state["data"]
        return (*_story(person, version, state), change,
                *(None if data.get(f) is None else json.dumps(data[f]) for f in IDENTITY_FIELDS))

    return row


def _decision(decision: str) -> Build:
    def row(person: Any, version: int, state: State) -> Row:
        data = state["data"]
        reason = data.get("reason")  # a closure code; a decline's free text is sealed
        reason = reason if isinstance(reason, str) and decision == "closed" else None
        return (*_story(person, version, state), data["referral_id"], decision, reason)

    return row


def _with(field: str, change: str | None = None) -> Build:
    """The story's columns, then ``change`` if given, then one field of the event's data."""
    def row(person: Any, version: int, state: State) -> Row:
        if change is None:
            return (*_story(person, version, state), state["data"][field])
        return (*_story(person, version, state), change, state["data"][field])

    return row


def _ward(movement: str) -> Build:
    def row(person: Any, version: int, state: State) -> Row:
        data = state["data"]
        return (*_story(person, version, state), data["stay_id"], movement, data.get("ward_type"),
                data.get("destination"))

    return row


def _provider(person: Any, version: int, state: State) -> Row:
    data, at = state["data"], state["occurred_at"]
    return (person, version, state["timestamp"], state.get("provider_id"), at, london_date(at),
            data.get("name"), data.get("tier"), data.get("service"), data["unit_cost_gbp"],
            data["bed_day_cost_gbp"])


FACTS: dict[str, tuple[str, Build]] = {
    PersonStory.ContactRecorded.TOPIC: ("contacts", _contact),
    PersonStory.ReferralMade.TOPIC: ("referrals", _referral),
    PersonStory.ReferralAccepted.TOPIC: ("decisions", _decision("accepted")),
    PersonStory.ReferralDeclined.TOPIC: ("decisions", _decision("declined")),
    PersonStory.ReferralClosed.TOPIC: ("decisions", _decision("closed")),
    PersonStory.AssessmentRecorded.TOPIC: ("assessments", _with("assessment_id")),
    PersonStory.SelfAssessmentSubmitted.TOPIC: ("self_assessments",
                                               _with("self_assessment_id")),
    PersonStory.KeyWorkerAssigned.TOPIC: ("key_workers", _with("key_worker_staff_id", "assigned")),
    PersonStory.KeyWorkerEnded.TOPIC: ("key_workers", _with("key_worker_staff_id", "ended")),
    PersonStory.AdmittedToWard.TOPIC: ("ward_events", _ward("admitted")),
    PersonStory.DischargedFromWard.TOPIC: ("ward_events", _ward("discharged")),
    PersonStory.PersonRegistered.TOPIC: ("identities", _identity("registered")),
    PersonStory.DetailsUpdated.TOPIC: ("identities", _identity("updated")),
    PersonStory.RelationshipClaimed.TOPIC: ("relationship_claims", _story),
    PersonStory.EventRetracted.TOPIC: ("retractions", _with("version")),
    Provider.ProviderRegistered.TOPIC: ("providers", _provider),
    Provider.ProviderCostsChanged.TOPIC: ("providers", _provider),
}
TOPICS: tuple[str, ...] = tuple(FACTS)


def fact_of_state(topic: str, person: Any, version: int, state: State) -> tuple[str, Row] | None:
    """The table and row a stored event adds (from its decoded state), or None if no figure
    reads its kind."""
    entry = FACTS.get(topic)
    if entry is None:
        return None
    table, build = entry
    return table, build(person, version, state)


def fact_of(event: Any) -> tuple[str, Row] | None:
    """The table and row a decoded event adds, or None for events no figure reads."""
    return fact_of_state(type(event).TOPIC, event.originator_id, event.originator_version,
                         vars(event))
