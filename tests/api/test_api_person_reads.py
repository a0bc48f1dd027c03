"""A person reads their own story, its FHIR export and its access log, and nobody else's."""

from __future__ import annotations

import uuid

from api_journeys import bearer, contact
from fastapi.testclient import TestClient
from person_journeys import person_bearer

HUB = bearer("provider", "hub")


def other_person(client: TestClient) -> str:
    """A second person, registered by the hub."""
    body = {"occurred_at": "2024-01-03T10:15:00+00:00",
            "data": {"given_name": "Bo", "family_name": "Other", "birth_date": "1980-02-02"}}
    return str(client.post("/people", json=body, headers=HUB).json()["person_id"])


def test_a_person_reads_their_own_story(client: TestClient, person: str) -> None:
    """Their registration and the hub's contact, with the hub's name beside its code."""
    client.post(f"/people/{person}/events", json=contact(), headers=HUB)
    answer = client.get(f"/people/{person}/story", headers=person_bearer(person))
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert [e["type"] for e in body["events"]] == ["PersonRegistered", "ContactRecorded"]
    assert (body["providers"], body["withheld"], body["key_worker"]) == ({"hub": "Provider hub"}, 0, None)


def test_someone_elses_story_answers_as_an_unknown_one(client: TestClient, person: str) -> None:
    """Another person's story and a story that does not exist get the same 404."""
    other, nobody = other_person(client), str(uuid.uuid4())
    known = client.get(f"/people/{other}/story", headers=person_bearer(person))
    unknown = client.get(f"/people/{nobody}/story", headers=person_bearer(person))
    assert known.status_code == unknown.status_code == 404
    assert known.text.replace(other, "ID") == unknown.text.replace(nobody, "ID")


def test_someone_elses_fhir_and_access_log_answer_404(client: TestClient, person: str) -> None:
    """The export and the access log of another person are as unknown as their story."""
    other = other_person(client)
    for path in ("fhir", "access-log"):
        assert client.get(f"/people/{other}/{path}", headers=person_bearer(person)).status_code == 404


def test_a_refused_attempt_is_in_the_other_persons_access_log(client: TestClient, person: str) -> None:
    """The owner of the story sees that a person's token was refused it."""
    other = other_person(client)
    client.get(f"/people/{other}/story", headers=person_bearer(person))
    reads = client.get(f"/people/{other}/access-log", headers=person_bearer(other)).json()["reads"]
    assert next((r["role"], r["outcome"]) for r in reads) == ("person", "refused")


def test_every_read_of_their_own_is_logged(client: TestClient, person: str) -> None:
    """Story, FHIR export and access log: three reads as role person, provider self."""
    token = person_bearer(person)
    for path in ("story", "fhir"):
        assert client.get(f"/people/{person}/{path}", headers=token).status_code == 200
    reads = client.get(f"/people/{person}/access-log", headers=token).json()["reads"]
    assert [(r["role"], r["provider_id"], r["outcome"]) for r in reads] == [
        ("person", "self", "allowed")] * 3


def test_the_access_log_names_the_providers_that_read(client: TestClient, person: str) -> None:
    """A break-glass read by cmht is there, flagged, with cmht's name."""
    reason = {"X-Break-Glass-Reason": "person collapsed in our waiting room"}
    client.get(f"/people/{person}/story", headers={**bearer("provider", "cmht"), **reason})
    body = client.get(f"/people/{person}/access-log", headers=person_bearer(person)).json()
    assert (body["reads"][0]["break_glass"], body["providers"]) == (True, {"cmht": "Provider cmht"})


def test_their_story_as_fhir_parses(client: TestClient, person: str) -> None:
    """The person's own export is a FHIR Bundle holding their Patient."""
    bundle = client.get(f"/people/{person}/fhir", headers=person_bearer(person)).json()
    assert bundle["entry"][0]["resource"]["resourceType"] == "Patient"
