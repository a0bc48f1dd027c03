"""A self-assessment exports as a valid FHIR QuestionnaireResponse, a note as a Communication."""

from __future__ import annotations

from typing import Any

from api_journeys import bearer
from fastapi.testclient import TestClient
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from person_journeys import note, person_bearer, self_assessment

HUB = bearer("provider", "hub")


def exported(client: TestClient, person: str, kind: str) -> list[dict[str, Any]]:
    client.post(f"/people/{person}/events", json=self_assessment(), headers=person_bearer(person))
    client.post(f"/people/{person}/events", json=note("thank you"), headers=person_bearer(person))
    bundle = client.get(f"/people/{person}/fhir", headers=HUB).json()
    Bundle.model_validate(bundle)
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def test_a_self_assessment_is_a_valid_questionnaire_response(client: TestClient, person: str) -> None:
    """It parses as R4B QuestionnaireResponse, completed, authored by the patient."""
    [resource] = exported(client, person, "QuestionnaireResponse")
    parsed = QuestionnaireResponse.model_validate(resource)
    assert (parsed.status, resource["author"]) == ("completed", resource["subject"])


def test_its_answers_carry_needs_words_strengths_and_what_matters(client: TestClient, person: str) -> None:
    """Needs as codes of the catalogue's list; the person's own words as strings."""
    [resource] = exported(client, person, "QuestionnaireResponse")
    answers = {item["linkId"]: [next(iter(a.values())) for a in item["answer"]] for item in resource["item"]}
    assert answers == {
        "needs": [{"system": "urn:ledger:need", "code": "housing"},
                  {"system": "urn:ledger:need", "code": "isolation"}],
        "own_words": ["The flat is damp and I have not left it for weeks"],
        "what_matters": ["Keeping my dog"], "strengths": ["my sister", "cooking"]}


def test_a_note_is_a_communication_from_the_patient(client: TestClient, person: str) -> None:
    """Its payload is the person's note."""
    [resource] = exported(client, person, "Communication")
    assert resource["payload"] == [{"contentString": "thank you"}]
