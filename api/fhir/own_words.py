"""What the person told in their own words, as FHIR R4B: a self-assessment is a
``QuestionnaireResponse`` (needs as codes, their words, strengths and what matters as answers)
and a note is a ``Communication`` from the patient. Answers whose words were erased are left out.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from api.fhir.resources import Resource
from ledger.facts import Entry

NEEDS = "urn:ledger:need"
QUESTIONNAIRE = "urn:ledger:questionnaire:self-assessment"
QUESTIONS = (("own_words", "What is going on, in your own words"),
             ("what_matters", "What matters to you"))


def _item(link_id: str, text: str, answers: list[dict[str, Any]]) -> dict[str, Any]:
    return {"linkId": link_id, "text": text, "answer": answers}


def self_assessment(person: str, entry: Entry, pid: UUID) -> Resource:
    """The person's self-assessment as a completed QuestionnaireResponse they authored."""
    data = entry.data
    items = [_item("needs", "What you need help with",
                   [{"valueCoding": {"system": NEEDS, "code": need}} for need in data["needs"]])]
    items += [_item(key, text, [{"valueString": data[key]}]) for key, text in QUESTIONS
              if isinstance(data.get(key), str) and data[key].strip()]
    strengths = [s for s in data.get("strengths") or [] if isinstance(s, str) and s.strip()]
    if strengths:
        items.append(_item("strengths", "Your strengths", [{"valueString": s} for s in strengths]))
    return {"resourceType": "QuestionnaireResponse", "status": "completed",
            "questionnaire": QUESTIONNAIRE, "subject": {"reference": person},
            "authored": entry.occurred_at.isoformat(), "author": {"reference": person},
            "source": {"reference": person},
            "identifier": {"system": "urn:ledger:self-assessment",
                           "value": data["self_assessment_id"]},
            "item": items}


def note(person: str, entry: Entry, pid: UUID) -> Resource:
    """The person's note as a Communication they sent."""
    resource: Resource = {"resourceType": "Communication", "status": "completed",
                          "subject": {"reference": person}, "sender": {"reference": person},
                          "sent": entry.occurred_at.isoformat()}
    if isinstance(entry.data.get("note"), str):
        resource["payload"] = [{"contentString": entry.data["note"]}]
    return resource


PERSON_BUILDERS: dict[str, Callable[[str, Entry, UUID], Resource]] = {
    "SelfAssessmentSubmitted": self_assessment, "PersonNoteAdded": note,
}
