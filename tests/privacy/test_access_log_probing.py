"""Attack: probe people through ``GET /people/{id}/access-log`` instead of the story route, which
was neither limited nor counted for a provider's staff. A stranger's refusal there is now counted
as on the story route (one count per staff member at their provider, the two routes together):
the same 404 for a real and an unknown id, logged, and 429 past the limit for both alike."""

from __future__ import annotations

import time
import uuid

import httpx
import pytest
from api_journeys import bearer, key_worker, registration
from api_server import serving
from fastapi import FastAPI
from fastapi.testclient import TestClient
from person_journeys import person_bearer

from tests.privacy.test_refused_read_limit_oracle import LIMIT, limited, seen

HUB = bearer("provider", "hub")
STRANGERS = {"provider": bearer("provider", "housing"), "key worker": bearer("key_worker", "housing"),
             "the key worker's staff id elsewhere": bearer("key_worker", "housing", "kw-1")}
NEVER_COUNTED = {"commissioner": 403, "admin": 403, "privacy_officer": 403}


@pytest.fixture
def app(database_url: str, schema: str) -> FastAPI:
    return limited(database_url, schema)


@pytest.fixture
def kept(client: TestClient, person: str) -> str:
    """The person, with the Hub's kw-1 as their key worker."""
    assert client.post(f"/people/{person}/events", json=key_worker("kw-1"), headers=HUB).status_code == 201
    return person


def statuses(client: TestClient, path: str, headers: dict[str, str], times: int = LIMIT + 1) -> list[int]:
    return [client.get(path, headers=headers).status_code for _ in range(times)]


@pytest.mark.parametrize("stranger", STRANGERS)
@pytest.mark.parametrize("asked", ["real", "unknown"])
def test_a_stranger_s_refusals_are_counted_for_a_real_story_and_an_unknown_id_alike(
        client: TestClient, kept: str, stranger: str, asked: str) -> None:
    person = kept if asked == "real" else str(uuid.uuid4())
    assert statuses(client, f"/people/{person}/access-log", STRANGERS[stranger]) == (
        [404] * LIMIT + [429])


def test_the_429_of_a_real_story_and_of_an_unknown_id_look_alike(client: TestClient, person: str) -> None:
    statuses(client, f"/people/{uuid.uuid4()}/access-log", STRANGERS["provider"], LIMIT)
    real = client.get(f"/people/{person}/access-log", headers=STRANGERS["provider"])
    unknown = client.get(f"/people/{uuid.uuid4()}/access-log", headers=STRANGERS["provider"])
    assert (seen(real), real.status_code) == (seen(unknown), 429)


def test_the_story_route_and_the_access_log_share_one_count(client: TestClient, person: str) -> None:
    statuses(client, f"/people/{uuid.uuid4()}/story", STRANGERS["provider"], LIMIT)
    assert statuses(client, f"/people/{person}/access-log", STRANGERS["provider"], 1) == [429]


def test_each_refusal_is_logged_until_the_limit_then_nothing(app: FastAPI, client: TestClient,
                                                              person: str) -> None:
    """Like a refused story read: in the person's access log (an unknown id's alike), as refused."""
    unknown = uuid.uuid4()
    others = [uuid.uuid4() for _ in range(LIMIT - 2)]
    for asked in (person, unknown, *others, person, unknown):  # the last two past the limit
        client.get(f"/people/{asked}/access-log", headers=STRANGERS["provider"])
    logged = [(r.provider_id, r.outcome) for r in app.state.access_log.reads(uuid.UUID(person))]
    unknown_logged = [(r.provider_id, r.outcome) for r in app.state.access_log.reads(unknown)]
    assert (logged, unknown_logged) == ([("housing", "refused")], [("housing", "refused")])


def test_the_same_staff_id_at_another_provider_is_counted_apart(client: TestClient, person: str) -> None:
    statuses(client, f"/people/{person}/access-log", STRANGERS["provider"])
    other = bearer("provider", "cmht")
    assert statuses(client, f"/people/{person}/access-log", other, 1) == [404]


def test_a_person_asking_for_another_s_access_log_is_counted(client: TestClient, person: str) -> None:
    answer = client.post("/people", json=registration("9434765870"), headers=HUB)
    other = str(answer.json()["person_id"])
    assert statuses(client, f"/people/{other}/access-log", person_bearer(person)) == [404] * LIMIT + [429]


@pytest.mark.parametrize("caller", ["hub provider", "hub key worker not theirs"])
def test_staff_with_a_care_relationship_are_refused_but_never_counted(
        client: TestClient, kept: str, caller: str) -> None:
    headers = HUB if caller == "hub provider" else bearer("key_worker", "hub", "kw-2")
    assert statuses(client, f"/people/{kept}/access-log", headers) == [403] * (LIMIT + 1)


@pytest.mark.parametrize("headers", [bearer("key_worker", "hub", "kw-1"), bearer("analyst")])
def test_those_who_may_read_it_are_never_limited(client: TestClient, kept: str,
                                                 headers: dict[str, str]) -> None:
    assert statuses(client, f"/people/{kept}/access-log", headers) == [200] * (LIMIT + 1)


def test_an_analyst_asking_for_unknown_ids_is_not_counted(client: TestClient) -> None:
    assert statuses(client, f"/people/{uuid.uuid4()}/access-log", bearer("analyst")) == [404] * (LIMIT + 1)


@pytest.mark.parametrize("role", NEVER_COUNTED)
def test_roles_that_never_read_it_get_403_never_429(client: TestClient, person: str, role: str) -> None:
    assert statuses(client, f"/people/{person}/access-log", bearer(role)) == [403] * (LIMIT + 1)


def test_no_token_gets_401(client: TestClient, person: str) -> None:
    assert statuses(client, f"/people/{person}/access-log", {}) == [401] * (LIMIT + 1)


def test_the_unknown_id_s_404_and_both_429s_wait_for_the_floor(database_url: str, schema: str) -> None:
    with serving(limited(database_url, schema, 1.0)) as base:
        person = httpx.post(f"{base}/people", json=registration(), headers=HUB).json()["person_id"]
        with httpx.Client(base_url=base, headers=STRANGERS["provider"], timeout=30) as http:
            waited = []
            for path in [f"/people/{uuid.uuid4()}/access-log"] * LIMIT + [f"/people/{person}/access-log"]:
                started = time.perf_counter()
                waited.append((http.get(path).status_code, time.perf_counter() - started >= 1.0))
    assert waited == [(404, True)] * LIMIT + [(429, True)]
