"""Request bodies and tokens of the person's own view: their token, a note, a self-assessment,
and staff withholding an entry from them."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from api_journeys import SIGNING_KEY, WHEN

from api.http.tokens import Caller, mint

NOW_ISH = "2024-03-05T09:00:00+00:00"


def person_bearer(person_id: str, key: str = SIGNING_KEY,
                  lifetime: timedelta = timedelta(hours=1)) -> dict[str, str]:
    """Authorization headers for the person whose story is ``person_id``."""
    caller = Caller(role="person", staff_id="self", person_id=uuid.UUID(person_id))
    return {"Authorization": f"Bearer {mint(caller, key, lifetime)}"}


def note(text: str = "I would rather be called in the mornings") -> dict[str, Any]:
    """A PersonNoteAdded event body."""
    return {"type": "PersonNoteAdded", "occurred_at": NOW_ISH, "data": {"note": text}}


def self_assessment(sa_id: str = "sa-1", when: str = NOW_ISH) -> dict[str, Any]:
    """A SelfAssessmentSubmitted event body."""
    data = {"self_assessment_id": sa_id, "needs": ["housing", "isolation"],
            "own_words": "The flat is damp and I have not left it for weeks",
            "strengths": ["my sister", "cooking"], "what_matters": "Keeping my dog"}
    return {"type": "SelfAssessmentSubmitted", "occurred_at": when, "data": data}


def withhold(version: int, reason: str = "third_party_details") -> dict[str, Any]:
    """An EntryWithheldFromPerson event body."""
    return {"type": "EntryWithheldFromPerson", "occurred_at": WHEN,
            "data": {"version": version, "reason": reason}}
