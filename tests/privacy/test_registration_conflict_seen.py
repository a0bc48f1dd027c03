"""Attack (found in review): registering an NHS number is an oracle of whether someone is known to
the services. Any provider's staff, with no care relationship, sends ``POST /people`` with a
neighbour's NHS number, and a 409 (``data.nhs_number``) says a story holds it. The 409 stays (the
contract), but the attempt is now written in that story's access log, naming the provider and the
staff member, where the person and the privacy officer read it, and counted with refused reads:
past the limit, 429 instead (``api/http/registration_conflicts.py``)."""

from __future__ import annotations

from typing import Any

from api_journeys import bearer, registration
from fastapi.testclient import TestClient
from person_journeys import person_bearer

PROBER = bearer("provider", "housing", "h-9")


def attempts(client: TestClient, person: str) -> list[tuple[Any, ...]]:
    """The registration attempts in the person's access log, as the analyst reads it."""
    reads = client.get(f"/people/{person}/access-log", headers=bearer("analyst")).json()["reads"]
    return [(r["provider_id"], r["staff_id"], r["outcome"]) for r in reads
            if r["outcome"] == "registration_refused"]


def test_a_strangers_registration_with_the_persons_number_is_in_their_access_log(
        client: TestClient, person: str) -> None:
    """housing's 409 is in the person's access log, naming housing and its staff member."""
    probe = client.post("/people", json=registration(), headers=PROBER)
    assert probe.status_code == 409
    assert attempts(client, person) == [("housing", "h-9", "registration_refused")]


def test_a_registration_under_the_persons_own_id_is_in_their_access_log(
        client: TestClient, person: str) -> None:
    """A chosen ``person_id`` that has a story is the same attempt, kept the same way."""
    probe = client.post("/people", json=registration(nhs_number=None, person_id=person),
                        headers=PROBER)
    assert probe.status_code == 409
    assert attempts(client, person) == [("housing", "h-9", "registration_refused")]


def test_the_person_sees_the_attempt_in_their_own_access_log(client: TestClient, person: str) -> None:
    client.post("/people", json=registration(), headers=PROBER)
    own = client.get(f"/people/{person}/access-log", headers=person_bearer(person))
    assert [r["outcome"] for r in own.json()["reads"]].count("registration_refused") == 1


def test_a_new_registration_writes_nothing_to_anyone_s_access_log(client: TestClient,
                                                                  person: str) -> None:
    assert client.post("/people", json=registration(nhs_number="9434765870"),
                       headers=PROBER).status_code == 201
    assert attempts(client, person) == []

