"""Hub staff confirm self-referrals: into a new story, or into an existing one by a claim."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from api_journeys import NHS_NUMBERS, bearer
from fastapi.testclient import TestClient
from self_referral_bodies import asking, for_someone_else

from ledger.intake import stream_of

HUB = bearer("provider", "hub")
NOW = "2026-01-05T09:00:00+00:00"
CLAIM = {"occurred_at": NOW, "reason": "asked us for help through the website"}


def referred(client: TestClient, body: dict[str, Any]) -> str:
    """Send a self-referral; answers its reference."""
    answer = client.post("/self-referrals", json=body)
    assert answer.status_code == 202, answer.text
    return str(answer.json()["reference"])


def awaiting(client: TestClient) -> list[dict[str, Any]]:
    """The Hub's intake as its staff see it."""
    answer = client.get("/intake", headers=HUB)
    assert answer.status_code == 200, answer.text
    return list(answer.json()["intake"])


def test_the_intake_lists_urgent_first_then_oldest(client: TestClient) -> None:
    """Two routine requests and a later urgent one: the urgent one leads, then oldest first."""
    first, second = referred(client, asking()), referred(client, for_someone_else())
    urgent = referred(client, asking(in_crisis=True))
    listed = awaiting(client)
    assert [r["reference"] for r in listed] == [urgent, first, second]
    assert listed[2]["details"]["referrer_name"] == "Grace Example"


def test_confirming_starts_a_story_with_a_web_contact_and_a_referral(
        client: TestClient, story_of: Callable[[str], dict[str, Any]]) -> None:
    """A new story: the registration, a contact on the web channel and a referral to the Hub."""
    reference = referred(client, asking(birth_date="1985-02-03"))
    answer = client.post(f"/intake/{reference}/story", json={"occurred_at": NOW}, headers=HUB)
    assert answer.status_code == 201, answer.text
    entries = story_of(answer.json()["person_id"])["events"]
    assert [e["type"] for e in entries] == ["PersonRegistered", "ContactRecorded", "ReferralMade"]
    assert entries[0]["data"]["phone"] == "020 7946 0000"
    assert entries[1]["data"]["channel"] == "web"
    assert entries[2]["data"]["source"] == "self"
    assert entries[2]["data"]["to_provider_id"] == "hub"
    assert awaiting(client) == []


def test_a_story_needs_a_birth_date(client: TestClient) -> None:
    """No birth date in the request or the confirmation: 422 naming it, nothing written."""
    reference = referred(client, asking())
    answer = client.post(f"/intake/{reference}/story", json={"occurred_at": NOW}, headers=HUB)
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["body", "birth_date"]
    assert len(awaiting(client)) == 1


def test_a_request_is_confirmed_once(client: TestClient) -> None:
    """Confirming the same reference again: 404, no second story."""
    reference = referred(client, asking(birth_date="1985-02-03"))
    body = {"occurred_at": NOW}
    assert client.post(f"/intake/{reference}/story", json=body, headers=HUB).status_code == 201
    again = client.post(f"/intake/{reference}/story", json=body, headers=HUB)
    assert again.status_code == 404
    assert again.json()["detail"][0]["loc"] == ["path", "reference"]


def test_a_carers_referral_is_attached_to_an_existing_story_by_a_claim(
        client: TestClient, person: str, story_of: Callable[[str], dict[str, Any]]) -> None:
    """A claim with the story's NHS number and birth date adds the claim, contact and referral."""
    reference = referred(client, for_someone_else())
    body = {**CLAIM, "nhs_number": NHS_NUMBERS[0], "birth_date": "1990-04-01"}
    answer = client.post(f"/intake/{reference}/claim", json=body, headers=HUB)
    assert answer.status_code == 201, answer.text
    assert answer.json()["person_id"] == person
    types = [e["type"] for e in story_of(person)["events"]]
    assert types == ["PersonRegistered", "RelationshipClaimed", "ContactRecorded", "ReferralMade"]
    assert story_of(person)["events"][3]["data"]["source"] == "family"
    flagged = client.get("/break-glass", headers=bearer("privacy_officer")).json()
    assert any(r["outcome"] == "relationship_claim" for r in flagged["entries"])


def test_a_claim_matching_no_story_leaves_the_request_waiting(client: TestClient, person: str) -> None:
    """A wrong birth date: the claim's one 404, and the request still awaits confirmation."""
    reference = referred(client, asking())
    body = {**CLAIM, "nhs_number": NHS_NUMBERS[0], "birth_date": "1991-04-01"}
    answer = client.post(f"/intake/{reference}/claim", json=body, headers=HUB)
    assert answer.status_code == 404
    assert [r["reference"] for r in awaiting(client)] == [reference]


def test_only_the_hub_confirms(client: TestClient) -> None:
    """A GP practice's staff: 403, and the request still waits."""
    reference = referred(client, asking(birth_date="1985-02-03"))
    answer = client.post(f"/intake/{reference}/story", json={"occurred_at": NOW},
                         headers=bearer("provider", "gp-1"))
    assert answer.status_code == 403
    assert len(awaiting(client)) == 1


def test_confirming_destroys_the_intakes_copy_of_the_details(
        client: TestClient, story_of: Callable[[str], dict[str, Any]]) -> None:
    """The details move into the story (the referrer's too, sealed there); the intake's copy of
    them no longer opens, so erasing the person leaves nothing of them in the intake."""
    reference = referred(client, for_someone_else(birth_date="1985-02-03"))
    person = client.post(f"/intake/{reference}/story", json={"occurred_at": NOW},
                         headers=HUB).json()["person_id"]
    assert "Grace Example" in story_of(person)["events"][2]["data"]["reason"]
    intake = client.app.state.intake  # type: ignore[attr-defined]
    assert intake.repository.get(stream_of(reference)).details is None
