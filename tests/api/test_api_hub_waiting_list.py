"""The Hub's waiting list carries its self-referrals awaiting confirmation, by priority then age."""

from __future__ import annotations

from api_journeys import bearer
from fastapi.testclient import TestClient
from self_referral_bodies import asking


def test_the_hubs_staff_see_awaiting_self_referrals_on_their_waiting_list(client: TestClient) -> None:
    """An urgent self-referral comes before a routine one, each marked as a self-referral."""
    routine = client.post("/self-referrals", json=asking()).json()["reference"]
    urgent = client.post("/self-referrals", json=asking(in_crisis=True)).json()["reference"]
    waiting = client.get("/providers/hub/waiting-list", headers=bearer("provider", "hub")).json()["waiting"]
    ours = [w["referral_id"] for w in waiting if w["kind"] == "self_referral"]
    assert ours == [urgent, routine]


def test_other_providers_and_analysts_never_see_the_hubs_intake(client: TestClient) -> None:
    """Self-referrals are the Hub's alone: an analyst's view of the Hub's list leaves them out."""
    client.post("/self-referrals", json=asking())
    waiting = client.get("/providers/hub/waiting-list", headers=bearer("analyst")).json()["waiting"]
    assert all(w["kind"] == "referral" for w in waiting)
