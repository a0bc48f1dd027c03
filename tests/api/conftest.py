"""API fixtures: a story reader (the shared app, client, served and person come from api_fixtures)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from api_journeys import bearer
from fastapi.testclient import TestClient


@pytest.fixture
def story_of(client: TestClient) -> Callable[[str], dict[str, Any]]:
    """Read a story as an analyst."""
    def read(person_id: str) -> dict[str, Any]:
        answer = client.get(f"/people/{person_id}/story", headers=bearer("analyst"))
        assert answer.status_code == 200, answer.text
        return dict(answer.json())

    return read
