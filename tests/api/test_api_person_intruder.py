"""A person's token turned against another person's story: no header, parameter, route or
replayed key reads it, writes to it or tells that it exists."""

from __future__ import annotations

import uuid

import pytest
from api_journeys import bearer
from fastapi.testclient import TestClient
from person_journeys import note, person_bearer

HUB = bearer("provider", "hub")
CRISIS = {"X-Break-Glass-Reason": "out of hours crisis call"}
PURPOSE = {"X-Audit-Purpose": "quarterly audit of the caseload figures"}


def other_person(client: TestClient) -> str:
    """Bo, a second person registered by the Hub."""
    body = {"occurred_at": "2024-01-03T10:15:00+00:00",
            "data": {"given_name": "Bo", "family_name": "Other", "birth_date": "1980-02-02"}}
    return str(client.post("/people", json=body, headers=HUB).json()["person_id"])


def same_as_unknown(client: TestClient, path: str, headers: dict[str, str], bo: str) -> bool:
    """Whether Bo's ``path`` answers exactly as an unknown story's (status and body)."""
    nobody = str(uuid.uuid4())
    known = client.get(path.format(bo), headers=headers)
    unknown = client.get(path.format(nobody), headers=headers)
    return (known.status_code, known.text.replace(bo, "ID")) == (
        unknown.status_code, unknown.text.replace(nobody, "ID"))


@pytest.mark.parametrize("stated", [CRISIS, PURPOSE])
@pytest.mark.parametrize("route", ["story", "fhir", "access-log"])
def test_a_stated_reason_opens_no_other_story(client: TestClient, person: str, route: str,
                                              stated: dict[str, str]) -> None:
    """Break-glass and audit-purpose headers are nothing to a person: Bo's story is unknown."""
    headers = {**person_bearer(person), **stated}
    bo = other_person(client)
    assert client.get(f"/people/{bo}/{route}", headers=headers).status_code == 404
    assert same_as_unknown(client, "/people/{}/" + route, headers, bo)


def test_an_earlier_version_of_another_story_is_unknown_too(client: TestClient, person: str) -> None:
    """``?version=1`` and ``?as_of=`` of Bo's story answer as an unknown story's."""
    bo = other_person(client)
    for query in ("version=1", "as_of=2024-01-04T00:00:00Z"):
        assert same_as_unknown(client, "/people/{}/story?" + query, person_bearer(person), bo)


def test_the_summary_refuses_alike_whoever_it_names(client: TestClient, person: str) -> None:
    """The person role never reads a summary: their own, Bo's and nobody's get one 403."""
    bo, token = other_person(client), person_bearer(person)
    answers = {(a.status_code, a.text) for a in
               (client.get(f"/people/{who}/summary", headers=token)
                for who in (person, bo, str(uuid.uuid4())))}
    assert [status for status, _ in answers] == [403]


def test_a_replayed_idempotency_key_writes_nothing_into_another_story(client: TestClient,
                                                                      person: str) -> None:
    """Bo's note replayed with his key by Ada's token: the unknown story's 404, nothing written,
    and Bo's receipt is not handed over."""
    bo = other_person(client)
    sent = {"Idempotency-Key": "note-1"}
    assert client.post(f"/people/{bo}/events", json=note(),
                       headers={**person_bearer(bo), **sent}).status_code == 201
    replay = client.post(f"/people/{bo}/events", json=note(), headers={**person_bearer(person), **sent})
    assert (replay.status_code, "version" in replay.json()) == (404, False)
    assert client.get(f"/people/{bo}/story", headers=HUB).json()["version"] == 2
