"""Staff withhold an entry from the person's view: the person sees that something is withheld,
never what; staff still see it all."""

from __future__ import annotations

from typing import Any

from api_journeys import bearer, contact
from fastapi.testclient import TestClient
from person_journeys import note, person_bearer, withhold

HUB = bearer("provider", "hub")


def withheld_contact(client: TestClient, person: str) -> None:
    """The hub records a contact (version 2) and withholds it (version 3)."""
    client.post(f"/people/{person}/events", json=contact(summary="her brother's debts"), headers=HUB)
    answer = client.post(f"/people/{person}/events", json=withhold(2), headers=HUB)
    assert answer.status_code == 201, answer.text


def own_events(client: TestClient, person: str) -> list[dict[str, Any]]:
    answer = client.get(f"/people/{person}/story", headers=person_bearer(person))
    assert answer.status_code == 200, answer.text
    return list(answer.json()["events"])


def test_the_person_sees_a_marker_not_the_entry(client: TestClient, person: str) -> None:
    """Version 2 reads as withheld: no type, author, content; the withholding is not shown."""
    withheld_contact(client, person)
    events = own_events(client, person)
    assert [(e["version"], e["type"]) for e in events] == [(1, "PersonRegistered"), (2, "EntryWithheld")]
    assert (events[1]["data"], events[1]["provider_id"], events[1]["staff_id"]) == ({}, "", "")
    assert "brother" not in client.get(f"/people/{person}/story", headers=person_bearer(person)).text


def test_staff_still_see_the_entry_and_the_withholding(client: TestClient, person: str) -> None:
    """The hub reads the contact and the withholding with its reason."""
    withheld_contact(client, person)
    events = client.get(f"/people/{person}/story", headers=HUB).json()["events"]
    assert [e["type"] for e in events] == ["PersonRegistered", "ContactRecorded", "EntryWithheldFromPerson"]
    assert events[2]["data"] == {"version": 2, "reason": "third_party_details"}


def test_the_fhir_export_leaves_the_withheld_entry_out(client: TestClient, person: str) -> None:
    """No Encounter in the person's own export; the hub's still has it."""
    withheld_contact(client, person)
    kinds = [e["resource"]["resourceType"]
             for e in client.get(f"/people/{person}/fhir", headers=person_bearer(person)).json()["entry"]]
    staff = client.get(f"/people/{person}/fhir", headers=HUB).text
    assert "Encounter" not in kinds
    assert "Encounter" in staff


def test_retracting_the_withholding_shows_the_entry_again(client: TestClient, person: str) -> None:
    """The hub retracts version 3: the person sees the contact."""
    withheld_contact(client, person)
    retract = {"type": "EventRetracted", "occurred_at": "2024-03-02T10:00:00+00:00",
               "data": {"version": 3, "reason": "the details were hers after all"}}
    assert client.post(f"/people/{person}/events", json=retract, headers=HUB).status_code == 201
    assert [e["type"] for e in own_events(client, person)][:2] == ["PersonRegistered", "ContactRecorded"]


def test_a_provider_with_no_relationship_cannot_withhold(client: TestClient, person: str) -> None:
    """Housing, a stranger to the person, gets the unknown story's 404."""
    client.post(f"/people/{person}/events", json=contact(), headers=HUB)
    answer = client.post(f"/people/{person}/events", json=withhold(2), headers=bearer("provider", "housing"))
    assert answer.status_code == 404


def test_the_persons_own_note_is_never_withheld(client: TestClient, person: str) -> None:
    """422 naming data.version: the person always sees what they wrote."""
    client.post(f"/people/{person}/events", json=note(), headers=person_bearer(person))
    answer = client.post(f"/people/{person}/events", json=withhold(2), headers=HUB)
    assert (answer.status_code, answer.json()["detail"][0]["msg"][:13]) == (422, "data.version:")


def test_an_entry_is_withheld_once(client: TestClient, person: str) -> None:
    """A second withholding of version 2 is refused (422)."""
    withheld_contact(client, person)
    assert client.post(f"/people/{person}/events", json=withhold(2), headers=HUB).status_code == 422


def test_an_unknown_reason_is_refused(client: TestClient, person: str) -> None:
    """The reason is harm or another person's details, nothing else (422 naming data.reason)."""
    client.post(f"/people/{person}/events", json=contact(), headers=HUB)
    answer = client.post(f"/people/{person}/events", json=withhold(2, "embarrassing"), headers=HUB)
    assert answer.status_code == 422
    assert "data.reason" in answer.text


def test_the_marker_counts_in_the_answer(client: TestClient, person: str) -> None:
    """``withheld`` says how many entries are withheld."""
    withheld_contact(client, person)
    body = client.get(f"/people/{person}/story", headers=person_bearer(person)).json()
    assert body["withheld"] == 1
