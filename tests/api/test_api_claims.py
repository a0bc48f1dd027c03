"""Relationship claims: the front door reaches a known story only with proof, and is flagged."""

from __future__ import annotations

from datetime import UTC, datetime

from api_journeys import bearer, registration
from fastapi.testclient import TestClient
from httpx import Response

NHS, BIRTH = "9434765919", "1990-04-01"
REASON = "walked in to the Hub asking for help with housing"


def claim(client: TestClient, provider: str, nhs: str = NHS, birth: str = BIRTH,
          reason: str = REASON) -> Response:
    """POST /people/claims as a provider's staff."""
    body = {"occurred_at": datetime.now(UTC).isoformat(), "nhs_number": nhs, "birth_date": birth,
            "reason": reason}
    return client.post("/people/claims", json=body, headers=bearer("provider", provider))


def test_the_hub_claims_a_relationship_with_proof(client: TestClient) -> None:
    """A registered person met at the Hub: NHS number and birth date match, the claim lands."""
    person = client.post("/people", json=registration(), headers=bearer("provider", "gp-1")).json()
    answer = claim(client, "hub")
    assert answer.status_code == 201, answer.text
    assert answer.json()["person_id"] == person["person_id"]
    story = client.get(f"/people/{person['person_id']}/story", headers=bearer("provider", "hub"))
    assert story.json()["events"][-1]["type"] == "RelationshipClaimed"


def test_a_wrong_birth_date_answers_as_an_unknown_number(client: TestClient, person: str) -> None:
    """Proof fails the same way whether or not the number is registered."""
    wrong = claim(client, "hub", birth="1991-04-01")
    unknown = claim(client, "hub", nhs="9434765870")
    assert wrong.status_code == unknown.status_code == 404
    assert wrong.text == unknown.text


def test_only_the_front_door_may_claim(client: TestClient, person: str) -> None:
    """Housing is not the Hub or a GP practice: 403, and nothing is written."""
    assert claim(client, "housing").status_code == 403
    story = client.get(f"/people/{person}/story", headers=bearer("analyst")).json()
    assert story["version"] == 1


def test_a_claim_needs_a_reason_of_substance(client: TestClient, person: str) -> None:
    """One word is not a reason a privacy officer can review."""
    answer = claim(client, "hub", reason="needed")
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["body", "reason"]


def test_a_claim_is_listed_for_the_privacy_officer(client: TestClient) -> None:
    """The claim is flagged like a break-glass read and listed in the report."""
    client.post("/people", json=registration(), headers=bearer("provider", "gp-1"))
    claim(client, "hub")
    report = client.get("/break-glass", headers=bearer("privacy_officer")).json()
    assert [(e["outcome"], e["provider_id"]) for e in report["entries"]] == [("relationship_claim", "hub")]


def test_a_break_glass_read_is_listed_newest_first(client: TestClient, person: str) -> None:
    """Every break-glass read is in the report, with its reason, newest first."""
    for reason in ("crisis call overnight, no record", "second crisis call, same night"):
        client.get(f"/people/{person}/story",
                   headers={**bearer("provider", "housing"), "X-Break-Glass-Reason": reason})
    entries = client.get("/break-glass", headers=bearer("privacy_officer")).json()["entries"]
    assert [e["reason"] for e in entries] == ["second crisis call, same night",
                                              "crisis call overnight, no record"]


def test_the_report_filters_by_provider(client: TestClient, person: str) -> None:
    """?provider= keeps one provider's staff."""
    client.get(f"/people/{person}/story",
               headers={**bearer("provider", "housing"), "X-Break-Glass-Reason": "crisis call, no record"})
    assert client.get("/break-glass?provider=cmht", headers=bearer("analyst")).json()["entries"] == []


def test_providers_and_commissioners_never_see_the_report(client: TestClient) -> None:
    """Only privacy officers and analysts review break-glass."""
    for headers in (bearer("provider", "hub"), bearer("commissioner"), bearer("admin"),
                    bearer("key_worker", "hub")):
        assert client.get("/break-glass", headers=headers).status_code == 403


def test_a_provider_not_in_the_directory_cannot_break_glass(client: TestClient, person: str) -> None:
    """A token for a made-up provider code reads nothing, reason or not, and logs no read."""
    headers = {**bearer("provider", "nowhere"), "X-Break-Glass-Reason": "crisis call, no other record"}
    assert client.get(f"/people/{person}/story", headers=headers).status_code == 403
    assert client.get("/break-glass", headers=bearer("privacy_officer")).json()["entries"] == []


def test_guessing_birth_dates_is_stopped(client: TestClient, person: str) -> None:
    """After ten claims that matched nothing, even the right proof waits (429, Retry-After)."""
    for day in range(1, 11):
        assert claim(client, "hub", birth=f"1980-01-{day:02d}").status_code == 404
    answer = claim(client, "hub")
    assert answer.status_code == 429
    assert answer.headers["Retry-After"]
    assert claim(client, "gp-1").status_code == 201  # another provider's claims are not held up
