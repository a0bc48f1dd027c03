"""Every role against the front door's routes, in process and over HTTP (docs/access.md)."""

from __future__ import annotations

import httpx
import pytest
from api_journeys import bearer
from fastapi.testclient import TestClient
from self_referral_bodies import asking

CALLERS: dict[str, dict[str, str]] = {
    "hub provider": bearer("provider", "hub"), "gp provider": bearer("provider", "gp-1"),
    "key_worker": bearer("key_worker", "hub"), "analyst": bearer("analyst"),
    "commissioner": bearer("commissioner"), "admin": bearer("admin"),
    "privacy_officer": bearer("privacy_officer"), "none": {}}
INTAKE_STATUS = {"hub provider": 200, "gp provider": 403, "none": 401}
CONFIRM_STATUS = {"hub provider": 201, "gp provider": 403, "none": 401}
NOW = "2026-01-05T09:00:00+00:00"


@pytest.mark.parametrize("caller", CALLERS)
def test_anyone_may_refer_with_or_without_a_token(client: TestClient, caller: str) -> None:
    """The front door is public: every caller gets the same 202."""
    answer = client.post("/self-referrals", json=asking(), headers=CALLERS[caller])
    assert answer.status_code == 202, answer.text


@pytest.mark.parametrize("caller", CALLERS)
def test_only_hub_staff_list_the_intake(client: TestClient, caller: str) -> None:
    """Hub staff read the intake; other providers 403, other roles 403, no token 401."""
    client.post("/self-referrals", json=asking())
    answer = client.get("/intake", headers=CALLERS[caller])
    assert answer.status_code == INTAKE_STATUS.get(caller, 403)
    if answer.status_code != 200:
        assert "Example" not in answer.text


@pytest.mark.parametrize("caller", CALLERS)
def test_only_hub_staff_confirm_into_a_new_story(client: TestClient, caller: str) -> None:
    """Starting a story from the intake is the Hub's; everyone else leaves it waiting."""
    reference = client.post("/self-referrals", json=asking(birth_date="1980-01-01")).json()["reference"]
    answer = client.post(f"/intake/{reference}/story", json={"occurred_at": NOW},
                         headers=CALLERS[caller])
    assert answer.status_code == CONFIRM_STATUS.get(caller, 403), answer.text


@pytest.mark.parametrize("caller", CALLERS)
def test_only_hub_staff_attach_by_a_claim(client: TestClient, person: str, caller: str) -> None:
    """Attaching to an existing story is the Hub's; everyone else leaves it waiting."""
    body = asking(nhs_number="9434765919", birth_date="1990-04-01")
    reference = client.post("/self-referrals", json=body).json()["reference"]
    claim = {"occurred_at": NOW, "reason": "asked us for help through the website"}
    answer = client.post(f"/intake/{reference}/claim", json=claim, headers=CALLERS[caller])
    assert answer.status_code == CONFIRM_STATUS.get(caller, 403), answer.text


@pytest.mark.parametrize("caller", ["hub provider", "gp provider", "analyst", "none"])
def test_the_routes_answer_the_same_over_http(served: str, caller: str) -> None:
    """Over a real socket: the front door is open, the intake only to the Hub's staff."""
    with httpx.Client(base_url=served) as http:
        assert http.post("/self-referrals", json=asking(), headers=CALLERS[caller]).status_code == 202
        assert http.get("/intake", headers=CALLERS[caller]).status_code == INTAKE_STATUS.get(caller, 403)


def test_a_malformed_reference_is_refused_naming_it(client: TestClient) -> None:
    """A reference that is not ``SR-`` and eight letters or digits: 422 naming the path."""
    bad = client.post("/intake/SR-0000/story", json={"occurred_at": NOW},
                      headers=CALLERS["hub provider"])
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["loc"] == ["path", "reference"]
