"""API fixtures: the shared ones (app, client, served, a registered person) and a story reader."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from api_fixtures import app, client, person, served
from api_journeys import bearer
from fastapi.testclient import TestClient

__all__ = ["app", "client", "person", "served", "story_of"]


@pytest.fixture
def story_of(client: TestClient) -> Callable[[str], dict[str, Any]]:
    """Read a story as an analyst."""
    def read(person_id: str) -> dict[str, Any]:
        answer = client.get(f"/people/{person_id}/story", headers=bearer("analyst"))
        assert answer.status_code == 200, answer.text
        return dict(answer.json())

    return read
