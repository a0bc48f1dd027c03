"""The Hub's waiting list merges its self-referrals with the referrals the list tables hold, oldest
first within a priority, by instant, whatever time zone PostgreSQL's sessions answer in (a
server set to a zone other than UTC answers ``received_at`` at its own offset)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from api_journeys import bearer, referral, registration
from fastapi.testclient import TestClient
from self_referral_bodies import asking

HUB, GP = bearer("provider", "hub"), bearer("provider", "gp-1")


@pytest.fixture
def sessions_in_tokyo(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every PostgreSQL session the app opens answers in Asia/Tokyo (libpq's ``PGTZ``)."""
    monkeypatch.setenv("PGTZ", "Asia/Tokyo")


def test_a_referral_older_than_a_self_referral_comes_first(
        sessions_in_tokyo: None, client: TestClient) -> None:
    """A routine referral to the Hub made half an hour ago, then a routine self-referral: the
    referral first, in one page and across pages of one."""
    person = client.post("/people", json=registration(), headers=GP).json()["person_id"]
    made = (datetime.now(UTC) - timedelta(minutes=30)).isoformat()
    answer = client.post(f"/people/{person}/events", json={**referral("hub"), "occurred_at": made},
                         headers=GP)
    assert answer.status_code == 201, answer.text
    client.post("/self-referrals", json=asking())
    after = {"after": answer.headers["X-Ledger-Position"]}
    whole = client.get("/providers/hub/waiting-list", params=after, headers=HUB).json()
    assert [w["kind"] for w in whole["waiting"]] == ["referral", "self_referral"]
    first = client.get("/providers/hub/waiting-list", params={"limit": 1}, headers=HUB).json()
    second = client.get("/providers/hub/waiting-list", params={"limit": 1, "cursor": first["next"]},
                        headers=HUB).json()
    assert [w["kind"] for w in first["waiting"] + second["waiting"]] == ["referral", "self_referral"]
