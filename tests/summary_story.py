"""A worked story for the summary tests: referred by the Hub to the team, accepted, key worked,
planned, seen, admitted, with one contact written up late and one retracted."""

from __future__ import annotations

from typing import Any

from api_journeys import bearer
from fastapi.testclient import TestClient

TEAM = bearer("provider", "cmht", "t-1")
HUB = bearer("provider", "hub")
KEY_WORKER = bearer("key_worker", "cmht", "kw-1")


def event(type_: str, when: str, **data: Any) -> dict[str, Any]:
    """A story event body on a day of March 2024 (``when`` is "DD" or "DDTHH:MM")."""
    day, _, time = when.partition("T")
    return {"type": type_, "occurred_at": f"2024-03-{day}T{time or '10:00'}:00+00:00", "data": data}


def contact(contact_id: str, when: str, channel: str = "telephone", **more: Any) -> dict[str, Any]:
    """An attended contact."""
    return event("ContactRecorded", when, contact_id=contact_id, channel=channel,
                 attendance="attended", purpose="review", duration_minutes=30, **more)


def append(client: TestClient, person: str, body: dict[str, Any], headers: dict[str, str]) -> int:
    """Appends one event; answers the story's new version."""
    answer = client.post(f"/people/{person}/events", json=body, headers=headers)
    assert answer.status_code == 201, answer.text
    return int(answer.json()["version"])


def worked_story(client: TestClient, person: str) -> dict[str, int]:
    """Builds the story; answers the versions of the contacts by name (late, retracted)."""
    append(client, person, event("ReferralMade", "02", referral_id="r-1", to_provider_id="cmht",
                                 priority="urgent", source="hub", needs=["mental_health", "housing"]),
           HUB)
    append(client, person, event("ReferralAccepted", "03", referral_id="r-1"), TEAM)
    append(client, person, event("KeyWorkerAssigned", "04", key_worker_staff_id="kw-1"), TEAM)
    append(client, person, event(
        "PlanAgreed", "05", plan_id="p-1", strengths=["keeps an allotment"],
        goals=[{"goal_id": "g-1", "domain": "housing", "description": "a secure tenancy"},
               {"goal_id": "g-2", "domain": "mental_health", "description": "sleep through"}]),
        TEAM)
    append(client, person, event("PlanReviewed", "12", plan_id="p-1",
                                 progress=[{"goal_id": "g-1", "status": "in_progress"}]), TEAM)
    append(client, person, contact("c-2", "18", summary="talked about the tenancy"), TEAM)
    late = append(client, person, contact("c-1", "17"), TEAM)
    wrong = append(client, person, contact("c-3", "19"), TEAM)
    append(client, person, event("EventRetracted", "20", version=wrong, reason="wrong person"), TEAM)
    append(client, person, event("AdmittedToWard", "21", stay_id="s-1", ward_type="acute",
                                 out_of_area=False), TEAM)
    return {"late": late, "retracted": wrong}
