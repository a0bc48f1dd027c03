"""Malformed requests: each gets the right 4xx naming the fault, and the story stays as it was."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from api_journeys import bearer, contact, registration
from fastapi.testclient import TestClient

HUB = bearer("provider", "hub")
JSON = {**HUB, "Content-Type": "application/json"}
Story = Callable[[str], dict[str, Any]]


def with_data(**changes: Any) -> bytes:
    """A contact body with some data fields changed."""
    body = contact()
    body["data"].update(changes)
    return json.dumps(body).encode()


def with_envelope(**changes: Any) -> bytes:
    """A contact body with some envelope fields changed."""
    return json.dumps({**contact(), **changes}).encode()


MALFORMED_APPENDS: dict[str, tuple[bytes, int]] = {
    "bad JSON": (b'{"type": "ContactRecorded",', 422),
    "not an object": (b'["ContactRecorded"]', 422),
    "empty body": (b"", 422),
    "a number as text": (with_data(duration_minutes="30"), 422),
    "a wrong type": (with_data(duration_minutes=[30]), 422),
    "out of range": (with_data(duration_minutes=1441), 422),
    "an unknown enumeration": (with_data(channel="carrier_pigeon"), 422),
    "an unknown field": (with_data(mood="fine"), 422),
    "a NUL in free text": (with_data(summary="before\u0000after"), 422),
    "a NUL in the type": (with_envelope(type="ContactRecorded\u0000"), 422),
    "a NUL in an identifier": (with_data(contact_id="c\u00001"), 422),
    "an unknown type": (with_envelope(type="CoffeeDrunk"), 422),
    "an instant in the future": (with_envelope(occurred_at="2999-01-01T00:00:00+00:00"), 422),
    "an instant without offset": (with_envelope(occurred_at="2024-03-01T10:00:00"), 422),
    "an instant that is no date": (with_envelope(occurred_at="yesterday"), 422),
    "an instant in year 1": (with_envelope(occurred_at="0001-01-01T00:00:00+14:00"), 422),
    "a lone surrogate in free text": (with_data(summary="\ud800"), 422),
    "JSON nested too deep": (b'{"data": ' * 50_000 + b"1" + b"}" * 50_000, 400),
    "a body that is not UTF-8": ('{"type": "Contact\xff"}'.encode("latin-1"), 400),
    "free text too long": (with_data(summary="x" * 10_001), 422),
    "a staff_id in the body": (with_envelope(staff_id="someone-else"), 422),
    "no type": (json.dumps({"occurred_at": "2024-03-01T10:00:00+00:00", "data": {}}).encode(), 422),
    "an empty batch": (b'{"events": []}', 422),
    "a batch and an event": (json.dumps({**contact(), "events": [contact()]}).encode(), 422),
    "a batch too large": (json.dumps({"events": [contact(f"c-{i}") for i in range(101)]}).encode(), 422),
    "a huge body": (with_data(summary="x" * 1_100_000), 413),
}


@pytest.mark.parametrize("case", MALFORMED_APPENDS, ids=list(MALFORMED_APPENDS))
def test_a_malformed_append_is_refused_and_writes_nothing(
    client: TestClient, person: str, story_of: Story, case: str
) -> None:
    """Each malformed append gets its 4xx with a detail, and the story is unchanged."""
    body, status = MALFORMED_APPENDS[case]
    answer = client.post(f"/people/{person}/events", content=body, headers=JSON)
    assert answer.status_code == status, answer.text
    assert answer.json()["detail"]
    assert story_of(person)["version"] == 1


def bad_registration(**changes: Any) -> dict[str, Any]:
    """A registration with some data fields changed."""
    body = registration()
    body["data"].update(changes)
    return body


MALFORMED_REGISTRATIONS: dict[str, dict[str, Any]] = {
    "an NHS number with a bad check digit": bad_registration(nhs_number="9434765918"),
    "an NHS number too short": bad_registration(nhs_number="943476591"),
    "an NHS number with letters": bad_registration(nhs_number="94347659AB"),
    "no family name": {**registration(), "data": {"given_name": "Ada", "birth_date": "1990-04-01"}},
    "a NUL in a name": bad_registration(given_name="A\u0000da"),
    "a birth date that is no date": bad_registration(birth_date="1990-13-45"),
    "a person_id that is no UUID": {**registration(), "person_id": "person-1"},
    "a future registration": {**registration(), "occurred_at": "2999-01-01T00:00:00+00:00"},
    "a birth date in the future": bad_registration(birth_date="2999-01-01"),
    "a birth date after the registration": bad_registration(birth_date="2024-01-05"),
}


@pytest.mark.parametrize("case", MALFORMED_REGISTRATIONS, ids=list(MALFORMED_REGISTRATIONS))
def test_a_malformed_registration_is_refused(client: TestClient, case: str) -> None:
    """Each malformed registration is 422 and registers no one (the NHS number stays free)."""
    answer = client.post("/people", json=MALFORMED_REGISTRATIONS[case], headers=HUB)
    assert answer.status_code == 422, answer.text
    assert answer.json()["detail"][0]["loc"][0] == "body"
    assert client.post("/people", json=registration(), headers=HUB).status_code == 201


def test_a_details_update_to_a_future_birth_date_is_refused(
    client: TestClient, person: str, story_of: Story
) -> None:
    """A birth date after the day the update occurred is 422 naming it, and writes nothing."""
    body = {"type": "DetailsUpdated", "occurred_at": "2024-03-01T10:00:00+00:00",
            "data": {"birth_date": "2999-01-01"}}
    answer = client.post(f"/people/{person}/events", json=body, headers=HUB)
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["body", "data", "birth_date"]
    assert story_of(person)["version"] == 1


def test_the_field_at_fault_is_named(client: TestClient, person: str) -> None:
    """The detail's loc points at the field at fault."""
    answer = client.post(f"/people/{person}/events", content=with_data(channel="fax"), headers=JSON)
    assert answer.json()["detail"][0]["loc"] == ["body", "data", "channel"]


def test_a_person_id_that_is_no_uuid_in_the_path_is_refused(client: TestClient) -> None:
    """A path person_id must be a UUID."""
    assert client.get("/people/not-a-uuid/story", headers=HUB).status_code == 422


def test_a_refusal_does_not_echo_the_input(client: TestClient) -> None:
    """A 422 names the field and the rule, not the value sent (it may be personal)."""
    answer = client.post("/people", json=bad_registration(given_name="Secret\u0000Name"), headers=HUB)
    assert answer.status_code == 422
    assert "Secret" not in answer.text
