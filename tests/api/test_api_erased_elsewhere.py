"""Over HTTP: a person erased by another process (``ledger erase``), which this server has not
yet heard of (its erasure watch asleep, their key cached): a write giving free text is refused
422 naming the field, as for an erasure it has heard of, and writes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from uuid import UUID

import pytest
from api_journeys import PROVIDERS, SIGNING_KEY, WHEN, bearer, contact, provider_body, registration
from erasure_race import erase_elsewhere
from fastapi.testclient import TestClient

from api.http.app import create_app
from api.settings import Settings

HUB = bearer("provider", "hub")


@pytest.fixture
def asleep(database_url: str, schema: str, tmp_path: Path) -> Iterator[TestClient]:
    """The API, its erasure watch asleep, with the tests' providers."""
    settings = Settings(database_url=database_url, schema_name=schema, signing_key=SIGNING_KEY,
                        erasure_poll_seconds=3600, home=tmp_path / ".ledger")
    with TestClient(create_app(settings)) as client:
        for code in PROVIDERS:
            client.post("/providers", json=provider_body(code), headers=bearer("admin"))
        yield client


@pytest.fixture
def erased(asleep: TestClient, database_url: str, schema: str, tmp_path: Path) -> str:
    """A person the server wrote a summary for (their key cached), then erased elsewhere."""
    person = str(asleep.post("/people", json=registration(), headers=HUB).json()["person_id"])
    written = asleep.post(f"/people/{person}/events", json=contact(summary="Met."), headers=HUB)
    assert written.status_code == 201, written.text
    erase_elsewhere(UUID(person), database_url, schema, tmp_path / ".ledger", SIGNING_KEY)
    return person


def test_a_summary_is_refused_naming_the_summary(asleep: TestClient, erased: str) -> None:
    answer = asleep.post(f"/people/{erased}/events", json=contact("c-2", summary="Talked about rent."),
                         headers=HUB)
    assert (answer.status_code, answer.json()["detail"][0]["loc"]) == (422, ["body", "data", "summary"])


def test_a_goal_s_text_in_a_batch_is_named_with_its_event_and_its_goal(
        asleep: TestClient, erased: str) -> None:
    goals = [{"goal_id": f"g-{n}", "domain": "housing", "description": "a secure tenancy"}
             for n in (1, 2)]
    plan = {"type": "PlanAgreed", "occurred_at": WHEN, "data": {"plan_id": "p-1", "goals": goals}}
    answer = asleep.post(f"/people/{erased}/events", json={"events": [contact("c-2"), plan]}, headers=HUB)
    assert (answer.status_code, answer.json()["detail"][0]["loc"]) == (
        422, ["body", "events", 1, "data", "goals", 0, "description"])
