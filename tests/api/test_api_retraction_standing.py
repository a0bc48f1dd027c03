"""A provider in its 30 days of grace cannot retract the entry that ended its relationship to
win back a relationship without end (found in review: a write creating its own permission)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from api_journeys import bearer, contact, referral
from fastapi.testclient import TestClient

HUB, CMHT = bearer("provider", "hub"), bearer("provider", "cmht")


def days_ago(days: int) -> str:
    """An instant ``days`` before now, as the API takes it."""
    return (datetime.now(UTC) - timedelta(days=days)).isoformat()


def post(client: TestClient, person: str, body: dict[str, object]) -> int:
    """The status of cmht's append."""
    return client.post(f"/people/{person}/events", json=body, headers=CMHT).status_code


def declined(client: TestClient, person: str) -> None:
    """The Hub refers the person to cmht ten days ago; cmht declined three days ago (version 3)."""
    made = client.post(f"/people/{person}/events", headers=HUB,
                       json={**referral("cmht"), "occurred_at": days_ago(10)})
    assert made.status_code == 201, made.text
    decline = {"type": "ReferralDeclined", "occurred_at": days_ago(3),
               "data": {"referral_id": "r-1", "reason": "signposted to the Network"}}
    assert post(client, person, decline) == 201


def test_a_team_in_its_grace_cannot_retract_its_decline(client: TestClient, person: str) -> None:
    """Retracting the decline would reopen the referral: refused (403 on the type), nothing
    written, and the team still cannot add an entry dated today."""
    undo = {"type": "EventRetracted", "occurred_at": days_ago(1),
            "data": {"version": 3, "reason": "declined by mistake, reopening"}}
    declined(client, person)
    answer = client.post(f"/people/{person}/events", json=undo, headers=CMHT)
    assert answer.status_code == 403, answer.text
    assert answer.json()["detail"][0]["loc"] == ["body", "data", "version"]
    assert post(client, person, {**contact("c-now"), "occurred_at": days_ago(0)}) == 404


def test_a_team_in_its_grace_may_still_retract_its_other_entries(client: TestClient, person: str) -> None:
    """A late write-up of its own stays retractable within the 30 days."""
    declined(client, person)
    assert post(client, person, {**contact("c-late"), "occurred_at": days_ago(5)}) == 201
    undo = {"type": "EventRetracted", "occurred_at": days_ago(1),
            "data": {"version": 4, "reason": "recorded against the wrong person"}}
    assert post(client, person, undo) == 201
