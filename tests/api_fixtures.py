"""The API's fixtures, shared by the API and fault tests: the app in process, served, and a person."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from api_journeys import PROVIDERS, SIGNING_KEY, bearer, provider_body, registration
from api_server import serving
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.http.app import create_app
from api.settings import Settings


@pytest.fixture
def app(database_url: str, schema: str) -> FastAPI:
    """The API over the test's own, empty ledger."""
    return create_app(Settings(database_url=database_url, schema_name=schema, signing_key=SIGNING_KEY))


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    """An in-process client with the providers of the tests registered."""
    with TestClient(app) as test_client:
        for code in PROVIDERS:
            answer = test_client.post("/providers", json=provider_body(code), headers=bearer("admin"))
            assert answer.status_code == 201, answer.text
        yield test_client


@pytest.fixture
def person(client: TestClient) -> str:
    """A person registered by the hub (staff s-1); their story is at version 1."""
    answer = client.post("/people", json=registration(), headers=bearer("provider", "hub"))
    assert answer.status_code == 201, answer.text
    return str(answer.json()["person_id"])


@pytest.fixture
def served(app: FastAPI) -> Iterator[str]:
    """The API served by uvicorn on a free port (in a thread); answers its base URL."""
    with serving(app) as base:
        yield base
