"""Consent counts: sharing with the Network, and the national data opt-out for analysts."""

from __future__ import annotations

from api_journeys import bearer, contact, referral
from fastapi.testclient import TestClient

HUB, HOUSING = bearer("provider", "hub"), bearer("provider", "housing")


def consent(scope: str, given: bool) -> dict[str, object]:
    """A ConsentRecorded body."""
    return {"type": "ConsentRecorded", "occurred_at": "2024-03-01T09:00:00+00:00",
            "data": {"scope": scope, "given": given}}


def network_view(client: TestClient, person: str, refuse: bool) -> list[str]:
    """The entry types housing sees after a Hub contact and a referral to housing."""
    if refuse:
        client.post(f"/people/{person}/events", json=consent("share_with_network", False), headers=HUB)
    client.post(f"/people/{person}/events", json=contact("c-hub", summary="Talked about debts"),
                headers=HUB)
    client.post(f"/people/{person}/events", json=referral("housing"), headers=HUB)
    client.post(f"/people/{person}/events", json=contact("c-housing"), headers=HOUSING)
    story = client.get(f"/people/{person}/story", headers=HOUSING).json()
    return [(e["type"], e["provider_id"]) for e in story["events"]]


def test_a_network_provider_sees_the_story_when_the_person_shares(client: TestClient, person: str) -> None:
    """By default a referred Network provider reads the whole story."""
    assert ("ContactRecorded", "hub") in network_view(client, person, refuse=False)


def test_a_refusal_keeps_the_network_to_its_own_entries(client: TestClient, person: str) -> None:
    """After a refusal to share, housing sees who the person is and its own entries only."""
    assert network_view(client, person, refuse=True) == [("PersonRegistered", "hub"),
                                                         ("ContactRecorded", "housing")]


def test_break_glass_sees_past_a_refusal(client: TestClient, person: str) -> None:
    """In an emergency the whole story is readable, flagged for review."""
    network_view(client, person, refuse=True)
    headers = {**HOUSING, "X-Break-Glass-Reason": "tenant found unwell, calling the crisis line"}
    story = client.get(f"/people/{person}/story", headers=headers).json()
    assert ("ContactRecorded", "hub") in [(e["type"], e["provider_id"]) for e in story["events"]]


def test_an_analyst_without_a_purpose_is_refused(client: TestClient, person: str) -> None:
    """Analysts read a story only with a stated audit purpose."""
    token = {"Authorization": bearer("analyst")["Authorization"]}
    assert client.get(f"/people/{person}/story", headers=token).status_code == 403


def test_an_analysts_read_is_flagged_for_review(client: TestClient, person: str) -> None:
    """The audit purpose goes in the access log and the privacy officer's report."""
    client.get(f"/people/{person}/story", headers=bearer("analyst"))
    entries = client.get("/break-glass", headers=bearer("privacy_officer")).json()["entries"]
    assert [e["outcome"] for e in entries] == ["allowed_audit_purpose"]


def test_the_opt_out_keeps_a_person_out_of_figure_inputs(client: TestClient, person: str) -> None:
    """The national data opt-out: no figure-inputs export for the person."""
    client.post(f"/people/{person}/events", json=consent("research", False), headers=HUB)
    answer = client.get(f"/people/{person}/figure-inputs", headers=bearer("analyst"))
    assert answer.status_code == 403


def test_figure_inputs_need_a_purpose(client: TestClient, person: str) -> None:
    """Without X-Audit-Purpose the export is refused, naming the header."""
    token = {"Authorization": bearer("analyst")["Authorization"]}
    answer = client.get(f"/people/{person}/figure-inputs", headers=token)
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["header", "X-Audit-Purpose"]


def test_a_network_provider_cannot_lift_a_refusal_itself(client: TestClient, person: str) -> None:
    """Housing recording the person's consent to share would overturn the refusal: 403, nothing written."""
    network_view(client, person, refuse=True)
    answer = client.post(f"/people/{person}/events", json=consent("share_with_network", True),
                         headers=HOUSING)
    assert answer.status_code == 403
    assert network_view_types(client, person) == [("PersonRegistered", "hub"),
                                                  ("ContactRecorded", "housing")]


def network_view_types(client: TestClient, person: str) -> list[tuple[str, str]]:
    """What housing sees now."""
    story = client.get(f"/people/{person}/story", headers=HOUSING).json()
    return [(e["type"], e["provider_id"]) for e in story["events"]]


def test_a_refused_figure_inputs_export_is_logged(client: TestClient, person: str) -> None:
    """The opt-out refusal is a decided read: it goes in the access log too."""
    client.post(f"/people/{person}/events", json=consent("research", False), headers=HUB)
    client.get(f"/people/{person}/figure-inputs", headers=bearer("analyst"))
    reads = client.get(f"/people/{person}/access-log", headers=bearer("analyst")).json()["reads"]
    assert next(r["outcome"] for r in reads) == "refused"
