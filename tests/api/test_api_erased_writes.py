"""A write to an erased story whose text the erasure would lose is refused, not emptied."""

from __future__ import annotations

from api_journeys import WHEN, bearer, contact
from fastapi.testclient import TestClient

from tests.api.test_api_erasure import erased

HUB = bearer("provider", "hub")


def version_of(client: TestClient, person: str) -> int:
    """The story's version, as an analyst reads it."""
    return int(client.get(f"/people/{person}/story", headers=bearer("analyst")).json()["version"])


def test_a_contact_with_a_summary_is_refused_naming_the_summary(client: TestClient, person: str) -> None:
    erased(client, person)
    answer = client.post(f"/people/{person}/events", json=contact(summary="Talked about rent."),
                         headers=HUB)
    assert (answer.status_code, answer.json()["detail"][0]["loc"]) == (422, ["body", "data", "summary"])


def test_the_refused_write_writes_nothing(client: TestClient, person: str) -> None:
    erased(client, person)
    before = version_of(client, person)
    client.post(f"/people/{person}/events", json=contact(summary="Talked about rent."), headers=HUB)
    assert version_of(client, person) == before


def test_a_contact_without_text_is_still_recorded(client: TestClient, person: str) -> None:
    """Care goes on: an entry with nothing sealed loses nothing, so it is kept."""
    erased(client, person)
    answer = client.post(f"/people/{person}/events", json=contact(), headers=HUB)
    assert answer.status_code == 201, answer.text


def test_an_assessment_without_text_is_still_recorded(client: TestClient, person: str) -> None:
    """``strengths`` left out is an empty list: nothing to lose, so nothing to refuse."""
    erased(client, person)
    assessment = {"type": "AssessmentRecorded", "occurred_at": WHEN,
                  "data": {"assessment_id": "a-1", "needs": ["debt"], "risk": "low"}}
    answer = client.post(f"/people/{person}/events", json=assessment, headers=HUB)
    assert answer.status_code == 201, answer.text


def test_a_goal_s_text_in_a_batch_is_named_with_its_event_and_its_goal(
        client: TestClient, person: str) -> None:
    erased(client, person)
    goals = [{"goal_id": f"g-{n}", "domain": "housing", "description": "a secure tenancy"}
             for n in (1, 2)]
    plan = {"type": "PlanAgreed", "occurred_at": WHEN, "data": {"plan_id": "p-1", "goals": goals}}
    answer = client.post(f"/people/{person}/events", json={"events": [contact(), plan]}, headers=HUB)
    assert (answer.status_code, answer.json()["detail"][0]["loc"]) == (
        422, ["body", "events", 1, "data", "goals", 0, "description"])
