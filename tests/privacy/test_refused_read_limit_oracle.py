"""Attack: use the limit on refused story reads as an oracle. Past the limit a stranger gets 429
for a real story and for an unknown id; these tests hold the two to the same status, body,
headers, work (nothing written for either) and least time, and to the same count before it."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator

import httpx
import pytest
from api_journeys import SIGNING_KEY, bearer, registration
from api_server import serving
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.http.app import create_app
from api.settings import Settings

LIMIT = 3
FLOOR = 1.0
STRANGER = bearer("provider", "housing")
VARYING = ("date", "retry-after", "x-request-id")  # the clock, the window's seconds left, the request


def limited(database_url: str, schema: str, floor: float = 0.05) -> FastAPI:
    """The API allowing ``LIMIT`` refused story reads an hour per reader."""
    return create_app(Settings(database_url=database_url, schema_name=schema, signing_key=SIGNING_KEY,
                               refused_read_limit=LIMIT, refused_read_window=3600,
                               unknown_story_floor=floor))


@pytest.fixture
def app(database_url: str, schema: str) -> FastAPI:
    return limited(database_url, schema)


def seen(answer: httpx.Response) -> tuple[int, bytes, dict[str, str]]:
    """What an answer shows, but for the headers that follow the clock."""
    headers = {k: v for k, v in answer.headers.items() if k.lower() not in VARYING}
    return answer.status_code, answer.content, headers


def test_the_429_of_a_real_story_and_of_an_unknown_id_look_alike(client: TestClient,
                                                                 person: str) -> None:
    for _ in range(LIMIT):
        client.get(f"/people/{uuid.uuid4()}/story", headers=STRANGER)
    for _ in range(5):
        real = client.get(f"/people/{person}/story", headers=STRANGER)
        unknown = client.get(f"/people/{uuid.uuid4()}/story", headers=STRANGER)
        assert seen(real) == seen(unknown)
        assert real.status_code == 429
        assert abs(int(real.headers["Retry-After"]) - int(unknown.headers["Retry-After"])) <= 1


def test_neither_429_writes_anything(app: FastAPI, client: TestClient, person: str) -> None:
    """The same work: a real story's access log and an unknown id's both stay as they were."""
    for _ in range(LIMIT):
        client.get(f"/people/{uuid.uuid4()}/story", headers=STRANGER)
    before = len(app.state.access_log.reads(uuid.UUID(person)))
    unknown = uuid.uuid4()
    client.get(f"/people/{person}/story", headers=STRANGER)
    client.get(f"/people/{unknown}/story", headers=STRANGER)
    assert len(app.state.access_log.reads(uuid.UUID(person))) == before
    assert app.state.access_log.reads(unknown) == []


@pytest.mark.parametrize("first", ["real", "unknown"])
def test_real_stories_and_unknown_ids_use_up_the_limit_alike(client: TestClient, person: str,
                                                             first: str) -> None:
    """The limit comes after the same number of refusals, whichever was asked for."""
    path = f"/people/{person}/story" if first == "real" else f"/people/{uuid.uuid4()}/story"
    statuses = [client.get(path, headers=STRANGER).status_code for _ in range(LIMIT + 1)]
    assert statuses == [404] * LIMIT + [429]


@pytest.fixture
def floored(database_url: str, schema: str) -> Iterator[tuple[str, str]]:
    """The limited API served with a one-second floor, and a person the Hub registered."""
    with serving(limited(database_url, schema, FLOOR)) as base:
        answer = httpx.post(f"{base}/people", json=registration(), headers=bearer("provider", "hub"))
        yield base, str(answer.raise_for_status().json()["person_id"])


def test_both_429s_wait_for_the_floor_over_http(floored: tuple[str, str]) -> None:
    base, person = floored
    with httpx.Client(base_url=base, headers=STRANGER, timeout=30) as http:
        for _ in range(LIMIT):
            http.get(f"/people/{uuid.uuid4()}/story")
        for path in (f"/people/{person}/story", f"/people/{uuid.uuid4()}/story"):
            started = time.perf_counter()
            status = http.get(path).status_code
            assert (status, time.perf_counter() - started >= FLOOR) == (429, True)
