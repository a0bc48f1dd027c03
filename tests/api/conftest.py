"""API fixtures: the app in process, the app served by uvicorn, tokens and a registered person."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
import uvicorn
from api_journeys import PROVIDERS, SIGNING_KEY, bearer, provider_body, registration
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.app import create_app


@pytest.fixture
def app(env: dict[str, str]) -> FastAPI:
    """The API over the test's own, empty ledger."""
    return create_app(env, SIGNING_KEY)


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
def story_of(client: TestClient) -> Callable[[str], dict[str, Any]]:
    """Read a story as an analyst."""
    def read(person_id: str) -> dict[str, Any]:
        answer = client.get(f"/people/{person_id}/story", headers=bearer("analyst"))
        assert answer.status_code == 200, answer.text
        return dict(answer.json())

    return read


def free_port() -> int:
    """A TCP port nobody listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def served(app: FastAPI) -> Iterator[str]:
    """The API served by uvicorn on a free port (in a thread); answers its base URL."""
    config = uvicorn.Config(app, host="127.0.0.1", port=free_port(), log_config=None,
                            access_log=False, limit_concurrency=1000, backlog=2048)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    base = f"http://127.0.0.1:{config.port}"
    with httpx.Client(base_url=base) as setup:
        for code in PROVIDERS:
            setup.post("/providers", json=provider_body(code), headers=bearer("admin")).raise_for_status()
    yield base
    server.should_exit = True
    thread.join(timeout=20)
