"""API fixtures: a story reader and two servers over one ledger (the shared app, client, served
and person come from api_fixtures)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from api_journeys import SIGNING_KEY, bearer
from api_server import running, serving
from fastapi.testclient import TestClient

from api.http.app import create_app
from api.settings import Settings


@pytest.fixture
def story_of(client: TestClient) -> Callable[[str], dict[str, Any]]:
    """Read a story as an analyst."""
    def read(person_id: str) -> dict[str, Any]:
        answer = client.get(f"/people/{person_id}/story", headers=bearer("analyst"))
        assert answer.status_code == 200, answer.text
        return dict(answer.json())

    return read


@pytest.fixture
def two_servers(database_url: str, schema: str) -> Iterator[tuple[str, str]]:
    """Two API servers over one ledger, as two processes of a deployment would be (the first
    registers the tests' providers); a module may define its own."""
    def app() -> Any:
        return create_app(Settings(database_url=database_url, schema_name=schema,
                                   signing_key=SIGNING_KEY))
    with serving(app()) as first, running(app()) as second:
        yield first, second
