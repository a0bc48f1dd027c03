"""Attack: tell a real story from an unknown id by the refusal's cost or time (a timing oracle).

A provider with no care relationship gets the unknown story's 404 for both; these tests hold the
two paths to the same work (both refusals logged) and to the same least time (the floor).
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import httpx
import pytest
from api_journeys import SIGNING_KEY, bearer, registration
from api_server import serving
from fastapi import FastAPI
from fastapi.testclient import TestClient
from person_journeys import person_bearer

from api.http.app import create_app
from api.settings import Settings

FLOOR = 1.0
STRANGER = bearer("provider", "housing")


@pytest.fixture
def floored(database_url: str, schema: str) -> Iterator[tuple[str, str]]:
    """The API served with a one-second floor, and a person the Hub registered."""
    app = create_app(Settings(database_url=database_url, schema_name=schema,
                              signing_key=SIGNING_KEY, unknown_story_floor=FLOOR))
    with serving(app) as base:
        answer = httpx.post(f"{base}/people", json=registration(), headers=bearer("provider", "hub"))
        yield base, str(answer.raise_for_status().json()["person_id"])


def seconds_for(base: str, path: str, headers: dict[str, str]) -> tuple[int, float]:
    """The status of a GET and how long its answer took."""
    started = time.perf_counter()
    answer = httpx.get(f"{base}{path}", headers=headers, timeout=30)
    return answer.status_code, time.perf_counter() - started


def test_an_unknown_id_read_by_a_stranger_is_logged_as_refused(app: FastAPI, client: TestClient) -> None:
    """The same write as a refused read of a real story, and a privacy officer's trace of probing."""
    unknown = uuid.uuid4()
    assert client.get(f"/people/{unknown}/story", headers=STRANGER).status_code == 404
    reads = app.state.access_log.reads(unknown)
    assert [(r.provider_id, r.outcome, r.break_glass) for r in reads] == [("housing", "refused", False)]


def test_a_person_asking_for_an_unknown_id_is_logged_as_refused(
        app: FastAPI, client: TestClient, person: str) -> None:
    """A person's token on another real id is refused and logged; an unknown id alike."""
    unknown = uuid.uuid4()
    assert client.get(f"/people/{unknown}/story", headers=person_bearer(person)).status_code == 404
    reads = app.state.access_log.reads(unknown)
    assert [(r.role, r.outcome) for r in reads] == [("person", "refused")]


def test_a_stranger_refused_a_real_story_waits_for_the_floor(floored: tuple[str, str]) -> None:
    base, person = floored
    status, seconds = seconds_for(base, f"/people/{person}/story", STRANGER)
    assert (status, seconds >= FLOOR) == (404, True)


def test_a_stranger_asking_for_an_unknown_id_waits_for_the_floor(floored: tuple[str, str]) -> None:
    base, _ = floored
    status, seconds = seconds_for(base, f"/people/{uuid.uuid4()}/story", STRANGER)
    assert (status, seconds >= FLOOR) == (404, True)


def test_the_access_log_refusal_waits_for_the_floor_too(floored: tuple[str, str]) -> None:
    base, person = floored
    status, seconds = seconds_for(base, f"/people/{person}/access-log", STRANGER)
    assert (status, seconds >= FLOOR) == (404, True)


def test_a_claim_with_a_wrong_birth_date_waits_for_the_floor(floored: tuple[str, str]) -> None:
    """A claim loads the story its NHS number names before comparing birth dates: the 404 of a
    wrong birth date (the number is known) must not come sooner than the unknown number's."""
    base, _ = floored
    body = {"occurred_at": datetime.now(UTC).isoformat(), "nhs_number": "9434765919",
            "birth_date": "1991-04-01", "reason": "walked in to the Hub asking for help"}
    started = time.perf_counter()
    answer = httpx.post(f"{base}/people/claims", json=body, headers=bearer("provider", "hub"))
    assert (answer.status_code, time.perf_counter() - started >= FLOOR) == (404, True)


def test_a_read_the_caller_may_make_does_not_wait(floored: tuple[str, str]) -> None:
    """The floor is for "no story" answers only: the Hub reads its own person at once."""
    base, person = floored
    status, seconds = seconds_for(base, f"/people/{person}/story", bearer("provider", "hub"))
    assert (status, seconds < FLOOR) == (200, True)
