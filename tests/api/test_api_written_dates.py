"""Dates and instants are written out (ISO 8601), never numbers that pydantic would read as Unix
time, and no birth date is before 1900 (found in review: ``"occurred_at": 1`` was stored as
1970-01-01T00:00:01Z, ``"birth_date": 0`` as 1970-01-01, and a birth date in year 1 was kept)."""

from __future__ import annotations

from typing import Any

import pytest
from api_journeys import bearer, contact, registration
from fastapi.testclient import TestClient

HUB = bearer("provider", "hub")


def registered_born(born: Any) -> dict[str, Any]:
    """A registration body with this birth date."""
    body = registration(nhs_number=None)
    body["data"]["birth_date"] = born
    return body


@pytest.mark.parametrize("born", [0, "0", 86400, "0001-01-01", "1899-12-31", "1990-04-01T00:00:00+00:00"])
def test_a_birth_date_not_written_as_a_date_since_1900_is_refused(client: TestClient, born: Any) -> None:
    """422 naming data.birth_date; no story is started."""
    answer = client.post("/people", json=registered_born(born), headers=HUB)
    assert answer.status_code == 422, answer.text
    assert answer.json()["detail"][0]["loc"] == ["body", "data", "birth_date"]


@pytest.mark.parametrize("when", [1, 1.5, "1700000000"])
def test_an_instant_given_as_a_number_is_refused(client: TestClient, person: str, when: Any) -> None:
    """422 naming occurred_at, and nothing is appended."""
    answer = client.post(f"/people/{person}/events", json={**contact(), "occurred_at": when}, headers=HUB)
    assert answer.status_code == 422, answer.text
    assert answer.json()["detail"][0]["loc"] == ["body", "occurred_at"]


def test_figures_as_of_a_number_is_refused(client: TestClient) -> None:
    """``?as_of=1700000000`` has no offset: 422 naming as_of, like any instant without one."""
    answer = client.get("/outcomes/caseload", params={"from": "2024-01", "to": "2024-02",
                                                      "as_of": "1700000000"}, headers=bearer("analyst"))
    assert answer.status_code == 422, answer.text
    assert answer.json()["detail"][0]["loc"] == ["query", "as_of"]


def test_a_story_as_of_a_number_is_refused(client: TestClient, person: str) -> None:
    """The story's ``?as_of=1700000000`` is not read as Unix time either: 422 naming as_of."""
    answer = client.get(f"/people/{person}/story", params={"as_of": "1700000000"}, headers=HUB)
    assert answer.status_code == 422, answer.text
    assert answer.json()["detail"][0]["loc"] == ["query", "as_of"]


def test_a_birth_date_in_1900_is_kept(client: TestClient) -> None:
    """The earliest birth date still taken."""
    assert client.post("/people", json=registered_born("1900-01-01"), headers=HUB).status_code == 201
