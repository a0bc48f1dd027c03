"""``DELETE /people/{id}/identity``: administrators erase a person's identifying details."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import uuid4

from api_journeys import bearer
from fastapi.testclient import TestClient


def test_an_administrator_erases_a_persons_identity(
    client: TestClient, person: str, story_of: Callable[[str], dict[str, Any]]
) -> None:
    """204, and the story then reads without the name; its events are all still there."""
    answer = client.delete(f"/people/{person}/identity", headers=bearer("admin"))
    assert answer.status_code == 204
    story = story_of(person)
    assert story["version"] == 1
    assert story["events"][0]["data"]["given_name"] is None


def test_erasing_an_unknown_person_is_404(client: TestClient) -> None:
    """No story, nothing to erase."""
    answer = client.delete(f"/people/{uuid4()}/identity", headers=bearer("admin"))
    assert answer.status_code == 404


def test_a_provider_may_not_erase(client: TestClient, person: str) -> None:
    """Only administrators erase."""
    answer = client.delete(f"/people/{person}/identity", headers=bearer("provider", "hub"))
    assert answer.status_code == 403


def test_the_fhir_patient_of_an_erased_person_has_no_name(client: TestClient, person: str) -> None:
    """The Patient resource is still served, without the erased details."""
    client.delete(f"/people/{person}/identity", headers=bearer("admin"))
    answer = client.get(f"/people/{person}/fhir", headers=bearer("provider", "hub"))
    assert answer.status_code == 200, answer.text
    patient = next(e["resource"] for e in answer.json()["entry"]
                   if e["resource"]["resourceType"] == "Patient")
    assert "name" not in patient
    assert "birthDate" not in patient
