"""Erasure by two people: an administrator requests it, a privacy officer approves it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import uuid4

from api_journeys import bearer, registration
from fastapi.testclient import TestClient
from httpx import Response

from tests.api.test_api_claims import claim

REASON = "the person asked for erasure under article 17"
BREAK_GLASS = "unconscious in A and E, born 1990-04-01, no consent given"


def requested(client: TestClient, person: str, staff: str = "admin-1") -> Response:
    """POST /people/{id}/erasure-requests as an administrator."""
    return client.post(f"/people/{person}/erasure-requests", json={"reason": REASON},
                       headers=bearer("admin", staff=staff))


def approved(client: TestClient, person: str, staff: str = "dpo-1") -> Response:
    """DELETE /people/{id}/identity as a privacy officer."""
    return client.delete(f"/people/{person}/identity", headers=bearer("privacy_officer", staff=staff))


def erased(client: TestClient, person: str) -> None:
    """Requested, then approved."""
    assert requested(client, person).status_code == 202
    assert approved(client, person).status_code == 204


def test_a_requested_erasure_approved_by_a_privacy_officer_erases(
    client: TestClient, person: str, story_of: Callable[[str], dict[str, Any]]
) -> None:
    """202 then 204, and the story reads without the name; its events are all still there."""
    erased(client, person)
    story = story_of(person)
    assert story["version"] == 1
    assert story["events"][0]["data"]["given_name"] is None


def test_an_approval_without_a_request_is_409(client: TestClient, person: str) -> None:
    """No one asked: nothing is erased."""
    assert approved(client, person).status_code == 409


def test_an_administrator_may_not_approve(client: TestClient, person: str) -> None:
    """The approval is the privacy officer's."""
    requested(client, person)
    answer = client.delete(f"/people/{person}/identity", headers=bearer("admin", staff="admin-2"))
    assert answer.status_code == 403


def test_the_requester_may_not_approve_their_own_request(client: TestClient, person: str) -> None:
    """Two people: the same staff id on both steps is refused."""
    requested(client, person, staff="same-1")
    assert approved(client, person, staff="same-1").status_code == 403


def test_requesting_the_erasure_of_an_unknown_person_is_404(client: TestClient) -> None:
    """No story, nothing to erase."""
    assert requested(client, str(uuid4())).status_code == 404


def test_a_provider_may_not_request_erasure(client: TestClient, person: str) -> None:
    """Only administrators request."""
    answer = client.post(f"/people/{person}/erasure-requests", json={"reason": REASON},
                         headers=bearer("provider", "hub"))
    assert answer.status_code == 403


def test_both_steps_are_in_the_audit_log_and_the_reason_goes_with_the_person(
    client: TestClient, person: str
) -> None:
    """erasure_requested (its reason readable until the erasure), then erase_identity."""
    requested(client, person)
    entries = client.get("/audit-log", headers=bearer("analyst")).json()["entries"]
    assert [e["details"]["reason"] for e in entries if e["action"] == "erasure_requested"] == [REASON]
    approved(client, person)
    entries = client.get("/audit-log", headers=bearer("analyst")).json()["entries"]
    actions = [(e["action"], e["actor"]) for e in entries if e["details"].get("person_id") == person]
    assert actions == [("erasure_requested", "admin-1"), ("erase_identity", "dpo-1")]
    assert all(e["details"].get("reason") is None for e in entries)


def test_break_glass_reasons_go_with_the_person(client: TestClient, person: str) -> None:
    """The access log's reasons read as None once the person is erased."""
    headers = {**bearer("provider", "cmht"), "X-Break-Glass-Reason": BREAK_GLASS}
    assert client.get(f"/people/{person}/story", headers=headers).status_code == 200
    erased(client, person)
    entries = client.get("/break-glass", headers=bearer("privacy_officer")).json()["entries"]
    assert [e["reason"] for e in entries if e["person_id"] == person] == [None]


def test_an_erased_nhs_number_answers_nothing_and_is_free_again(client: TestClient, person: str) -> None:
    """A claim finds nothing; a new registration with the number gets a new story."""
    erased(client, person)
    assert claim(client, "hub").status_code == 404
    again = client.post("/people", json=registration(), headers=bearer("provider", "hub"))
    assert again.status_code == 201, again.text
    assert again.json()["person_id"] != person
    assert claim(client, "hub").json()["person_id"] == again.json()["person_id"]


def test_the_fhir_patient_of_an_erased_person_has_no_name(client: TestClient, person: str) -> None:
    """The Patient resource is still served, without the erased details."""
    erased(client, person)
    answer = client.get(f"/people/{person}/fhir", headers=bearer("provider", "hub"))
    assert answer.status_code == 200, answer.text
    patient = next(e["resource"] for e in answer.json()["entry"]
                   if e["resource"]["resourceType"] == "Patient")
    assert "name" not in patient
    assert "birthDate" not in patient
