"""Registrations under numbers that stories hold count with a stranger's refused reads: past the
refused-read limit the attempt gets 429 and is written nowhere (``api/http/registration_conflicts.py``)."""

from __future__ import annotations

import pytest
from api_journeys import SIGNING_KEY, bearer, registration
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.http.app import create_app
from api.settings import Settings
from tests.privacy.test_registration_conflict_seen import PROBER, attempts


@pytest.fixture
def app(database_url: str, schema: str) -> FastAPI:
    """The API allowing two refused reads an hour per reader."""
    return create_app(Settings(database_url=database_url, schema_name=schema, signing_key=SIGNING_KEY,
                               refused_read_limit=2, refused_read_window=3600,
                               unknown_story_floor=0))


def test_the_third_attempt_past_a_limit_of_two_is_429_and_unwritten(client: TestClient,
                                                                     person: str) -> None:
    statuses = [client.post("/people", json=registration(), headers=PROBER).status_code
                for _ in range(3)]
    assert statuses == [409, 409, 429]
    assert len(attempts(client, person)) == 2


def test_the_hub_s_own_staff_are_counted_too(client: TestClient, person: str) -> None:
    """Whoever registers a known number is counted: the limit is per staff member."""
    hub = bearer("provider", "hub", "s-7")
    assert [client.post("/people", json=registration(), headers=hub).status_code
            for _ in range(3)] == [409, 409, 429]
