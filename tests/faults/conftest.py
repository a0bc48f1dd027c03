"""The fault tests' PostgreSQL: a server of this run's own, never the machine's shared one."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import psycopg
import pytest
from api_journeys import PROVIDERS, SIGNING_KEY, bearer, provider_body, registration
from api_server import serving
from fastapi import FastAPI
from fastapi.testclient import TestClient
from private_postgres import PrivatePostgres
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from api.app import create_app


@pytest.fixture(scope="session")
def database_url() -> Iterator[str]:
    """A database on a private server started for this run's fault tests (shadows the shared one)."""
    server = PrivatePostgres()
    server.start()
    params = conninfo_to_dict(server.url)
    params["dbname"] = f"faults_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server.url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{params["dbname"]}"')
    try:
        yield make_conninfo(**params)
    finally:
        server.remove()


@pytest.fixture
def crashable_postgres() -> Iterator[PrivatePostgres]:
    """A server for one test alone, to crash, pause and restart."""
    server = PrivatePostgres()
    server.start()
    try:
        yield server
    finally:
        server.remove()


@pytest.fixture
def app(env: dict[str, str]) -> FastAPI:
    """The API over the test's own, empty ledger."""
    return create_app(env, SIGNING_KEY)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    """An in-process client with the tests' providers registered."""
    with TestClient(app) as test_client:
        for code in PROVIDERS:
            answer = test_client.post("/providers", json=provider_body(code), headers=bearer("admin"))
            assert answer.status_code == 201, answer.text
        yield test_client


@pytest.fixture
def person(client: TestClient) -> str:
    """A person registered by the hub; their story is at version 1."""
    answer = client.post("/people", json=registration(), headers=bearer("provider", "hub"))
    assert answer.status_code == 201, answer.text
    return str(answer.json()["person_id"])


@pytest.fixture
def served(app: FastAPI) -> Iterator[str]:
    """The API served by uvicorn in a thread; answers its base URL."""
    with serving(app) as base:
        yield base
