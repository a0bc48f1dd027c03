"""Which fields of a person's events identify them or are free text, and so are sealed.

Sealed fields are stored encrypted with the person's own key; when the key is destroyed on
erasure they read back as ``None``. Every other field (ids, codes, times) stays clear, so
the guards and every figure built from the history read the same before and after erasure.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ledger.facts import Entry

IDENTIFYING = ("nhs_number", "given_name", "family_name", "birth_date", "postcode", "phone", "email")
SEALED_FIELDS: dict[str, tuple[str, ...]] = {
    "PersonRegistered": IDENTIFYING,
    "DetailsUpdated": IDENTIFYING,
    "ContactRecorded": ("summary",),
    "AssessmentRecorded": ("strengths", "summary"),
    "ReferralMade": ("reason",),
    "ReferralDeclined": ("reason",),
    "PlanAgreed": ("strengths",),
    "EventRetracted": ("reason",),
    "RelationshipClaimed": ("reason",),
    "PersonNoteAdded": ("note",),
    "SelfAssessmentSubmitted": ("own_words", "strengths", "what_matters"),
}
GOAL_FREE_TEXT = ("description",)  # inside each of PlanAgreed's goals

Change = Callable[[str, Any], Any]


def reseal(event_name: str, data: dict[str, Any], change: Change) -> dict[str, Any]:
    """A copy of ``data`` with ``change(field, value)`` applied to each sealed field present."""
    copy = dict(data)
    for name in SEALED_FIELDS.get(event_name, ()):
        if name in copy:
            copy[name] = change(name, copy[name])
    if event_name == "PlanAgreed" and isinstance(copy.get("goals"), list):
        copy["goals"] = [_goal(goal, change) for goal in copy["goals"]]
    return copy


def _goal(goal: Any, change: Change) -> Any:
    if not isinstance(goal, dict):
        return goal
    return {k: change(f"goals.{k}", v) if k in GOAL_FREE_TEXT else v for k, v in goal.items()}


def resealed_entry(entry: Entry, change: Change) -> Entry:
    """The entry with ``change`` applied to its sealed fields (built directly:
    ``dataclasses.replace`` took three times as long, and an import withholds every entry it keeps)."""
    return Entry(entry.version, entry.type, entry.occurred_at, entry.recorded_at, entry.provider_id,
                 entry.staff_id, reseal(entry.type, entry.data, change))
