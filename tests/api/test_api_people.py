"""Registering people over HTTP: one story per NHS number, as the token's provider."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from api_journeys import bearer, registration
from fastapi.testclient import TestClient

HUB = bearer("provider", "hub", staff="s-9")


def test_a_provider_registers_a_person(client: TestClient) -> None:
    """POST /people answers 201 with the new person's id and version 1."""
    answer = client.post("/people", json=registration(), headers=HUB)
    assert answer.status_code == 201
    assert answer.json()["version"] == 1
    uuid.UUID(answer.json()["person_id"])


def test_the_senders_person_id_is_kept(client: TestClient) -> None:
    """A person_id chosen by the sender names the story."""
    chosen = str(uuid.uuid4())
    answer = client.post("/people", json=registration(person_id=chosen), headers=HUB)
    assert answer.json()["person_id"] == chosen


def test_the_registration_is_recorded_as_the_tokens_provider_and_staff(
    client: TestClient, story_of: Callable[[str], dict[str, Any]]
) -> None:
    """The story's first event names the token's provider and staff member."""
    person_id = client.post("/people", json=registration(), headers=HUB).json()["person_id"]
    first = story_of(person_id)["events"][0]
    assert (first["type"], first["provider_id"], first["staff_id"]) == ("PersonRegistered", "hub", "s-9")


def test_an_nhs_number_already_registered_is_a_conflict_naming_only_the_field(
    client: TestClient
) -> None:
    """A second registration of an NHS number is 409 naming the field, never the story's id."""
    first = client.post("/people", json=registration(), headers=HUB).json()["person_id"]
    answer = client.post("/people", json=registration(), headers=bearer("provider", "gp-1"))
    assert answer.status_code == 409
    assert answer.json()["detail"][0]["loc"] == ["body", "data", "nhs_number"]
    assert first not in answer.text


def test_a_person_id_already_used_is_a_conflict(client: TestClient) -> None:
    """A registration reusing a person_id is 409."""
    chosen = str(uuid.uuid4())
    client.post("/people", json=registration(person_id=chosen), headers=HUB)
    again = registration(nhs_number=None, person_id=chosen)
    assert client.post("/people", json=again, headers=HUB).status_code == 409


def test_a_key_worker_may_not_register_people(client: TestClient) -> None:
    """Registration is for the provider role."""
    answer = client.post("/people", json=registration(), headers=bearer("key_worker", "hub"))
    assert answer.status_code == 403


def test_a_provider_named_in_the_body_is_refused(client: TestClient) -> None:
    """Providers register only as themselves: a provider_id in the body is refused."""
    body = {**registration(), "provider_id": "gp-1"}
    answer = client.post("/people", json=body, headers=HUB)
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["body", "provider_id"]


def test_a_provider_missing_from_the_directory_may_not_register(client: TestClient) -> None:
    """A token naming an unregistered provider is refused (403) and writes nothing."""
    answer = client.post("/people", json=registration(), headers=bearer("provider", "ghost"))
    assert answer.status_code == 403
    assert client.post("/people", json=registration(), headers=HUB).status_code == 201


def test_a_repeated_registration_with_its_key_gets_the_first_answer(client: TestClient) -> None:
    """An Idempotency-Key makes a registration safe to send twice."""
    headers = {**HUB, "Idempotency-Key": "reg-1"}
    first = client.post("/people", json=registration(), headers=headers)
    second = client.post("/people", json=registration(), headers=headers)
    assert (second.status_code, second.json()) == (first.status_code, first.json())
