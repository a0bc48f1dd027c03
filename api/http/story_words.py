"""The catalogue's codes in plain words, as a person reading a story says them.

Every closed list of ``ledger.vocabulary`` a story shows (needs, channels, attendance, purposes,
risk, priority, referral sources, closure reasons, goal statuses, ward types, destinations,
consent scopes) maps here to words; a code with no words falls back to itself with spaces.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
WORDS: dict[str, str] = {
    # needs
    "mental_health": "mental health", "physical_health": "physical health", "housing": "housing",
    "debt": "debt", "benefits": "benefits", "employment": "employment", "isolation": "isolation",
    "substance_use": "substance use", "caring": "caring for someone",
    # channels
    "face_to_face": "face to face", "telephone": "telephone", "video": "video call",
    "talk_type": "Talk Type", "email": "email", "sms": "text message", "web_chat": "web chat",
    # attendance
    "attended": "attended", "did_not_attend": "did not attend",
    "cancelled_by_person": "cancelled by the person", "cancelled_by_provider": "cancelled by us",
    "late_not_seen": "arrived late, not seen",
    # purposes
    "drop_in": "drop-in", "assessment": "assessment", "intervention": "intervention",
    "review": "review", "crisis": "crisis",
    # risk and priority
    "low": "low", "medium": "medium", "high": "high", "routine": "routine", "urgent": "urgent",
    "very_urgent": "very urgent", "emergency": "emergency",
    # referral sources
    "self": "the person themselves", "gp": "a GP practice", "hub": "the Hub",
    "network": "a Network service", "secondary": "secondary care", "police": "the police",
    "family": "family", "other": "other",
    # closure reasons
    "treatment_complete": "treatment complete", "moved_away": "moved away",
    "declined_by_person": "the person declined", "no_contact": "no contact made",
    "transferred": "transferred",
    # goal statuses
    "not_started": "not started", "in_progress": "in progress", "achieved": "achieved",
    "dropped": "dropped",
    # ward types and destinations
    "acute": "acute", "rehab": "rehabilitation",
    "psychiatric_intensive_care": "psychiatric intensive care", "crisis_house": "crisis house",
    "own_home": "their own home", "supported_housing": "supported housing",
    "care_home": "a care home", "another_ward": "another ward",
    # consent scopes
    "share_with_network": "sharing the story with Network services",
    "research": "use of their records in research",
    # why an entry is withheld from the person (issue 15)
    "serious_harm": "seeing it could cause serious harm",
    "third_party_details": "it holds details about someone else",
}
SELF = "self"  # the provider code of entries the person records themselves (issue 15)
SELF_WORDS = "the person themselves"
FIELDS = {"nhs_number": "NHS number", "given_name": "given name", "family_name": "family name",
          "birth_date": "date of birth", "postcode": "postcode", "phone": "phone number",
          "email": "email address"}
HEADINGS = {
    "PersonRegistered": "Registered", "DetailsUpdated": "Details updated",
    "ConsentRecorded": "Consent", "ContactRecorded": "Contact",
    "AssessmentRecorded": "Assessment", "ReferralMade": "Referral made",
    "ReferralAccepted": "Referral accepted", "ReferralDeclined": "Referral declined",
    "ReferralClosed": "Referral closed", "KeyWorkerAssigned": "Key worker assigned",
    "KeyWorkerEnded": "Key work ended", "PlanAgreed": "Care plan agreed",
    "PlanReviewed": "Care plan reviewed", "AdmittedToWard": "Admitted to a ward",
    "DischargedFromWard": "Discharged from a ward",
    "RelationshipClaimed": "Care relationship claimed", "EventRetracted": "Entry retracted",
    "PersonNoteAdded": "Note from the person", "SelfAssessmentSubmitted": "The person's own assessment",
    "EntryWithheldFromPerson": "Withheld from the person",
}


def word(code: str | None) -> str:
    """A code in words (an unknown code with its underscores as spaces)."""
    if code is None:
        return ""
    return WORDS.get(code, code.replace("_", " "))


def words(codes: Iterable[str] | None) -> str:
    """Codes in words, as a list in a sentence: "housing, debt and benefits"."""
    said = [word(code) for code in codes or ()]
    if len(said) < 2:
        return "".join(said) or "none stated"
    return ", ".join(said[:-1]) + " and " + said[-1]


def a(words_: str) -> str:
    """Words with their indefinite article: "an acute", "a rehabilitation"."""
    return f"{'an' if words_[:1].lower() in 'aeiou' else 'a'} {words_}"


def heading(event_type: str) -> str:
    """What kind of entry it is, in words."""
    return HEADINGS.get(event_type, event_type)


def day(instant: datetime) -> str:
    """An instant's London date in words: "17 August 2025"."""
    local = instant.astimezone(LONDON)
    return f"{local.day} {local:%B %Y}"


def sealed(text: str | None, erased: str = "(no longer held: the person's details were erased)") -> str:
    """Free text as written, or a line saying it is gone (a sealed field reads null after erasure)."""
    return erased if text is None else text
