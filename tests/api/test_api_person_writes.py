"""A person adds a note or a self-assessment to their own story, as provider self, and nothing else."""

from __future__ import annotations

import uuid

import psycopg
import pytest
from api_journeys import bearer, contact, key_worker
from fastapi.testclient import TestClient
from person_journeys import note, person_bearer, self_assessment

HUB = bearer("provider", "hub")


def test_a_note_is_recorded_as_self_with_the_tokens_id(client: TestClient, person: str) -> None:
    """Provider ``self``, staff id the token's ``jti``, the note in the person's words."""
    token = person_bearer(person)
    answer = client.post(f"/people/{person}/events", json=note("call me Ada"), headers=token)
    assert answer.status_code == 201, answer.text
    entry = client.get(f"/people/{person}/story", headers=HUB).json()["events"][-1]
    claims = client.get(f"/people/{person}/story", headers=token).json()  # the same entry for them
    assert (entry["type"], entry["provider_id"], entry["data"]) == (
        "PersonNoteAdded", "self", {"note": "call me Ada"})
    assert len(entry["staff_id"]) == 32
    assert claims["events"][-1] == entry


def test_a_self_assessment_is_recorded(client: TestClient, person: str) -> None:
    """Needs from the catalogue's list, own words, strengths and what matters."""
    answer = client.post(f"/people/{person}/events", json=self_assessment(), headers=person_bearer(person))
    assert answer.status_code == 201, answer.text
    entry = client.get(f"/people/{person}/story", headers=HUB).json()["events"][-1]
    assert (entry["type"], entry["data"]["needs"], entry["data"]["what_matters"]) == (
        "SelfAssessmentSubmitted", ["housing", "isolation"], "Keeping my dog")


@pytest.mark.parametrize("body", [contact(), key_worker("kw-1"),
                                  {"type": "EventRetracted", "occurred_at": "2024-03-05T09:00:00+00:00",
                                   "data": {"version": 1, "reason": "not me"}}])
def test_any_other_type_is_refused_and_nothing_written(client: TestClient, person: str,
                                                       body: dict[str, object]) -> None:
    """403 naming the type; the story stays at version 1."""
    answer = client.post(f"/people/{person}/events", json=body, headers=person_bearer(person))
    assert (answer.status_code, answer.json()["detail"][0]["msg"][:5]) == (403, "type:")
    assert client.get(f"/people/{person}/story", headers=HUB).json()["version"] == 1


def test_a_batch_with_one_other_type_writes_nothing(client: TestClient, person: str) -> None:
    """All or nothing: a note beside a contact is refused whole."""
    body = {"events": [note(), contact()]}
    answer = client.post(f"/people/{person}/events", json=body, headers=person_bearer(person))
    assert (answer.status_code, answer.json()["detail"][0]["msg"][:14]) == (403, "events.1.type:")
    assert client.get(f"/people/{person}/story", headers=HUB).json()["version"] == 1


def test_someone_elses_story_answers_as_an_unknown_one(client: TestClient, person: str) -> None:
    """A note for another story gets the unknown story's 404, and nothing is written."""
    nobody = str(uuid.uuid4())
    other = client.post(f"/people/{person}/events", json=note(), headers=person_bearer(nobody))
    unknown = client.post(f"/people/{nobody}/events", json=note(), headers=person_bearer(nobody))
    assert other.status_code == unknown.status_code == 404
    assert other.text.replace(person, "ID") == unknown.text.replace(nobody, "ID")
    assert client.get(f"/people/{person}/story", headers=HUB).json()["version"] == 1


def test_staff_cannot_write_the_persons_own_entries(client: TestClient, person: str) -> None:
    """A provider recording a note in the person's name is refused (422, naming the type)."""
    answer = client.post(f"/people/{person}/events", json=note(), headers=HUB)
    assert (answer.status_code, answer.json()["detail"][0]["msg"][:5]) == (422, "type:")


def test_a_bad_self_assessment_names_the_field(client: TestClient, person: str) -> None:
    """A need outside the catalogue's list is a 422 naming data.needs.0."""
    body = self_assessment()
    body["data"]["needs"] = ["flying"]
    answer = client.post(f"/people/{person}/events", json=body, headers=person_bearer(person))
    assert answer.status_code == 422
    assert "data.needs.0" in answer.text


def test_the_note_is_sealed_in_the_log(client: TestClient, person: str, database_url: str,
                                       schema: str) -> None:
    """The stored event does not hold the note's words in the clear."""
    client.post(f"/people/{person}/events", json=note("my secret words"), headers=person_bearer(person))
    with psycopg.connect(database_url) as conn:
        rows = conn.execute(f'SELECT state FROM "{schema}".ledger_events').fetchall()
    assert rows
    assert not any(b"my secret words" in bytes(row[0]) for row in rows)


def test_a_stale_if_match_is_412(client: TestClient, person: str) -> None:
    """The person saw version 1; the hub wrote since: 412, nothing written."""
    client.post(f"/people/{person}/events", json=contact(), headers=HUB)
    headers = {**person_bearer(person), "If-Match": '"1"'}
    assert client.post(f"/people/{person}/events", json=note(), headers=headers).status_code == 412
    assert client.get(f"/people/{person}/story", headers=HUB).json()["version"] == 2


def test_a_repeat_with_the_same_key_writes_once(client: TestClient, person: str) -> None:
    """Sent twice with one Idempotency-Key: one note, the same version answered."""
    headers = {**person_bearer(person), "Idempotency-Key": "note-1"}
    first = client.post(f"/people/{person}/events", json=note(), headers=headers)
    again = client.post(f"/people/{person}/events", json=note(), headers=headers)
    assert first.json() == again.json() == {"version": 2}
    assert client.get(f"/people/{person}/story", headers=HUB).json()["version"] == 2
