"""Searching as an intruder: a provider that may not read a person (its relationship over, its
referral retracted, its code made up) gets for their NHS number exactly what an unknown number
gets, so the search never confirms that someone exists."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from api_journeys import bearer, referral
from fastapi.testclient import TestClient

from tests.api.worklist_story import HUB, append

HOUSING = bearer("provider", "housing")
NOBODYS_NUMBER = "4010232137"


def days_ago(days: int) -> str:
    """An instant ``days`` days before now."""
    return (datetime.now(UTC) - timedelta(days=days)).isoformat()


def searches(client: TestClient, headers: dict[str, str], after: str) -> tuple[Any, Any]:
    """The answers to Ada's number and to nobody's, as (status, body text) each."""
    answers = [client.post("/people/search", json={"query": query, "after": after}, headers=headers)
               for query in ("9434765919", NOBODYS_NUMBER)]
    return tuple((a.status_code, a.text) for a in answers)


def declined_long_ago(client: TestClient, person: str) -> str:
    """The Hub referred Ada to housing 90 days ago; housing declined 60 days ago."""
    append(client, person, {**referral("housing"), "occurred_at": days_ago(90)}, HUB)
    decline = {"type": "ReferralDeclined", "occurred_at": days_ago(60),
               "data": {"referral_id": "r-1", "reason": "signposted to the Network"}}
    return append(client, person, decline, HOUSING)


def test_past_its_grace_a_provider_cannot_tell_her_number_from_nobodys(client: TestClient,
                                                                       person: str) -> None:
    """Housing's relationship ended 60 days ago: her number answers as nobody's does."""
    known, unknown = searches(client, HOUSING, declined_long_ago(client, person))
    assert known == unknown == (200, '{"people":[],"count":0}')


def test_past_its_grace_the_search_agrees_with_the_story_read(client: TestClient,
                                                              person: str) -> None:
    """The control: housing may no longer read her story either (the unknown story's 404)."""
    declined_long_ago(client, person)
    assert client.get(f"/people/{person}/story", headers=HOUSING).status_code == 404


def test_a_retracted_referral_leaves_no_trace_in_the_search(client: TestClient, person: str) -> None:
    """The Hub retracts its referral to housing (it never happened): housing finds nobody."""
    append(client, person, referral("housing"), HUB)
    retract = {"type": "EventRetracted", "occurred_at": "2024-03-01T12:00:00+00:00",
               "data": {"version": 2, "reason": "referred by mistake, wrong person"}}
    known, unknown = searches(client, HOUSING, append(client, person, retract, HUB))
    assert known == unknown == (200, '{"people":[],"count":0}')


def test_a_made_up_provider_cannot_tell_her_number_from_nobodys(client: TestClient,
                                                                person: str) -> None:
    """A token minted for a code not in the directory gets the same answer for both numbers."""
    after = append(client, person, referral("housing"), HUB)
    known, unknown = searches(client, bearer("provider", "nowhere"), after)
    assert known == unknown


def test_her_name_finds_nothing_more_than_a_made_up_name(client: TestClient, person: str) -> None:
    """Housing past its grace: "Ada Example" answers as "Zelda Nobody" does."""
    after = declined_long_ago(client, person)
    answers = [client.post("/people/search", json={"query": q, "after": after}, headers=HOUSING).text
               for q in ("Ada Example", "Zelda Nobody")]
    assert answers[0] == answers[1] == '{"people":[],"count":0}'
