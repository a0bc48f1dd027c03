"""Authentication: forged, missing, malformed and expired tokens are refused, and write nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from api_journeys import bearer, contact
from fastapi.testclient import TestClient

BAD_TOKENS: dict[str, dict[str, str]] = {
    "missing": {},
    "forged": bearer("provider", "hub", key="another-deployments-key-" + "y" * 32),
    "expired": bearer("provider", "hub", lifetime=timedelta(seconds=-30)),
    "garbage": {"Authorization": "Bearer not.a.token"},
    "not bearer": {"Authorization": "Basic dXNlcjpwYXNz"},
    "empty": {"Authorization": "Bearer "},
}


@pytest.mark.parametrize("case", BAD_TOKENS, ids=list(BAD_TOKENS))
def test_an_append_with_a_bad_token_is_unauthorised(
    client: TestClient, person: str, story_of: Callable[[str], dict[str, Any]], case: str
) -> None:
    """A bad or missing token is 401 and the story stays as it was."""
    answer = client.post(f"/people/{person}/events", json=contact(), headers=BAD_TOKENS[case])
    assert answer.status_code == 401
    assert story_of(person)["version"] == 1


@pytest.mark.parametrize("case", BAD_TOKENS, ids=list(BAD_TOKENS))
def test_a_read_with_a_bad_token_is_unauthorised(client: TestClient, person: str, case: str) -> None:
    """A bad or missing token cannot read a story."""
    assert client.get(f"/people/{person}/story", headers=BAD_TOKENS[case]).status_code == 401


def test_health_needs_no_token(client: TestClient) -> None:
    """/health is open to anyone."""
    answer = client.get("/health")
    assert (answer.status_code, answer.json()["status"]) == (200, "ok")
