"""The privacy officer sees who was limited for refused story reads, and when
(``GET /refused-reads``); every role against the route (docs/access.md)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from api_journeys import SIGNING_KEY, bearer
from fastapi import FastAPI
from fastapi.testclient import TestClient
from person_journeys import person_bearer

from api.http.app import create_app
from api.settings import Settings

LIMIT = 2
OFFICER = bearer("privacy_officer")
CALLERS = {"provider": bearer("provider", "hub"), "key_worker": bearer("key_worker", "hub"),
           # the prober itself (no care relationship with anyone), and another provider's staff
           # member with the prober's staff id
           "stranger": bearer("provider", "housing"), "same_staff_id": bearer("provider", "gp-1"),
           "analyst": bearer("analyst"), "commissioner": bearer("commissioner"),
           "admin": bearer("admin"), "privacy_officer": OFFICER, "none": {}}
STATUS = {"analyst": 200, "privacy_officer": 200, "none": 401}


@pytest.fixture
def app(database_url: str, schema: str) -> FastAPI:
    """The API over the test's own ledger, allowing ``LIMIT`` refused story reads an hour."""
    return create_app(Settings(database_url=database_url, schema_name=schema, signing_key=SIGNING_KEY,
                               refused_read_limit=LIMIT, refused_read_window=3600))


def probe(client: TestClient, headers: dict[str, str], times: int) -> None:
    """Ask for ``times`` unknown ids."""
    for _ in range(times):
        client.get(f"/people/{uuid.uuid4()}/story", headers=headers)


def test_a_limited_staff_member_is_listed_with_when(client: TestClient) -> None:
    before = datetime.now(UTC)
    probe(client, bearer("provider", "housing", staff="s-9"), LIMIT + 2)
    [entry] = client.get("/refused-reads", headers=OFFICER).json()["entries"]
    assert {k: entry[k] for k in ("role", "provider_id", "staff_id", "refused", "limited")} == {
        "role": "provider", "provider_id": "housing", "staff_id": "s-9", "refused": LIMIT + 2,
        "limited": 2}
    first, last = (datetime.fromisoformat(entry[k]) for k in ("first_limited_at", "last_limited_at"))
    assert before <= first <= last <= datetime.now(UTC)
    start, end = (datetime.fromisoformat(entry[k]) for k in ("window_start", "window_end"))
    assert start <= first < end


def test_a_reader_within_the_limit_is_not_listed(client: TestClient) -> None:
    probe(client, bearer("provider", "housing"), LIMIT)
    assert client.get("/refused-reads", headers=OFFICER).json()["entries"] == []


def test_a_limited_person_is_listed_by_the_story_their_token_names(client: TestClient,
                                                                    person: str) -> None:
    probe(client, person_bearer(person), LIMIT + 1)
    [entry] = client.get("/refused-reads", headers=OFFICER).json()["entries"]
    assert (entry["role"], entry["provider_id"], entry["staff_id"]) == ("person", "self", person)


def test_the_report_is_filtered_by_provider_and_instant(client: TestClient) -> None:
    probe(client, bearer("provider", "housing"), LIMIT + 1)
    probe(client, bearer("provider", "debt"), LIMIT + 1)
    later = (datetime.now(UTC) + timedelta(minutes=1)).isoformat()
    housing = client.get("/refused-reads?provider=housing", headers=OFFICER).json()["entries"]
    assert [e["provider_id"] for e in housing] == ["housing"]
    assert client.get("/refused-reads", params={"from": later}, headers=OFFICER).json()["entries"] == []


@pytest.mark.parametrize("caller", CALLERS)
def test_only_privacy_officers_and_analysts_read_the_report(client: TestClient, caller: str) -> None:
    probe(client, bearer("provider", "housing"), LIMIT + 1)
    answer = client.get("/refused-reads", headers=CALLERS[caller])
    assert answer.status_code == STATUS.get(caller, 403)
    if answer.status_code != 200:
        assert "housing" not in answer.text


def test_a_person_may_not_read_the_report(client: TestClient, person: str) -> None:
    assert client.get("/refused-reads", headers=person_bearer(person)).status_code == 403


@pytest.mark.parametrize("caller", ["provider", "privacy_officer", "none"])
def test_the_report_answers_the_same_over_http(served: str, caller: str) -> None:
    with httpx.Client(base_url=served) as http:
        assert http.get("/refused-reads", headers=CALLERS[caller]).status_code == STATUS.get(caller, 403)
