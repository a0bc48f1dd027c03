"""The person reads their own story's summary (issue 15's role): never an entry withheld from
them, never who else read it, and nobody else's summary."""

from __future__ import annotations

import uuid

from api_journeys import bearer, contact
from fastapi.testclient import TestClient
from person_journeys import person_bearer, withhold

HUB = bearer("provider", "hub")


def test_a_person_reads_their_own_summary(client: TestClient, person: str) -> None:
    """Their name and timeline in words; who read it is for the key worker's summary only."""
    client.post(f"/people/{person}/events", json=contact(), headers=HUB)
    answer = client.get(f"/people/{person}/summary", headers=person_bearer(person))
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert (body["person"]["given_name"], body["recent_reads"]) == ("Ada", None)
    assert [e["heading"] for e in body["timeline"]] == ["Registered", "Contact"]


def test_an_entry_withheld_from_the_person_is_not_in_their_summary(client: TestClient, person: str) -> None:
    """The withheld contact and its withholding are left out; its words never reach the person."""
    client.post(f"/people/{person}/events", json=contact(summary="her brother's debts"), headers=HUB)
    assert client.post(f"/people/{person}/events", json=withhold(2), headers=HUB).status_code == 201
    answer = client.get(f"/people/{person}/summary", headers=person_bearer(person))
    assert [e["type"] for e in answer.json()["timeline"]] == ["PersonRegistered"]
    assert "brother" not in answer.text


def test_staff_read_the_withholding_in_words(client: TestClient, person: str) -> None:
    """Staff see the contact and which entry is withheld, and why."""
    client.post(f"/people/{person}/events", json=contact(), headers=HUB)
    client.post(f"/people/{person}/events", json=withhold(2), headers=HUB)
    timeline = client.get(f"/people/{person}/summary", headers=HUB).json()["timeline"]
    assert timeline[-1]["words"] == ("The contact of 1 March 2024 is not shown to the person: "
                                     "it holds details about someone else.")


def test_someone_elses_summary_answers_as_an_unknown_one(client: TestClient, person: str) -> None:
    """Another person's summary and one that does not exist get the same 404."""
    nobody = str(uuid.uuid4())
    other = client.post("/people", headers=HUB, json={
        "occurred_at": "2024-01-03T10:15:00+00:00",
        "data": {"given_name": "Bo", "family_name": "Other", "birth_date": "1980-02-02"}}).json()["person_id"]
    known = client.get(f"/people/{other}/summary", headers=person_bearer(person))
    unknown = client.get(f"/people/{nobody}/summary", headers=person_bearer(person))
    assert known.status_code == unknown.status_code == 404
    assert known.text.replace(other, "ID") == unknown.text.replace(nobody, "ID")
