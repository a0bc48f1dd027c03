"""The access log: every read of a story, allowed or refused, with who, when, why and outcome."""

from __future__ import annotations

import uuid
from typing import Any

from api_journeys import bearer, key_worker
from fastapi.testclient import TestClient

ANALYST = bearer("analyst", staff="an-1")


def reads(client: TestClient, person: str) -> list[dict[str, Any]]:
    """The person's access log as an analyst sees it."""
    answer = client.get(f"/people/{person}/access-log", headers=ANALYST)
    assert answer.status_code == 200, answer.text
    return list(answer.json()["reads"])


def test_an_allowed_read_is_logged_with_who_and_when(client: TestClient, person: str) -> None:
    """A read records the reader's role, provider, staff id, time and outcome."""
    client.get(f"/people/{person}/story", headers=bearer("provider", "hub", "s-3"))
    (entry,) = reads(client, person)
    assert {k: entry[k] for k in ("role", "provider_id", "staff_id", "outcome", "break_glass")} == {
        "role": "provider", "provider_id": "hub", "staff_id": "s-3", "outcome": "allowed",
        "break_glass": False}
    assert entry["at"]


def test_a_refused_read_is_logged(client: TestClient, person: str) -> None:
    """A read refused on the story's facts (an analyst with no purpose) is in the log, as refused."""
    client.get(f"/people/{person}/story", headers={"Authorization": bearer("analyst")["Authorization"]})
    assert [(e["role"], e["outcome"]) for e in reads(client, person)] == [("analyst", "refused")]


def test_a_role_that_never_reads_opens_no_access_log(client: TestClient, person: str) -> None:
    """A commissioner is refused on the role alone, before any story is looked up (so the answer
    cannot differ between a known and an unknown person); the server log keeps the refusal."""
    assert client.get(f"/people/{person}/story", headers=bearer("commissioner")).status_code == 403
    assert reads(client, person) == []


def test_a_break_glass_read_is_flagged_with_its_reason(client: TestClient, person: str) -> None:
    """A break-glass read keeps the stated reason and is flagged for review."""
    headers = {**bearer("provider", "gp-1"), "X-Break-Glass-Reason": "out of hours crisis"}
    client.get(f"/people/{person}/story", headers=headers)
    (entry,) = reads(client, person)
    assert (entry["reason"], entry["break_glass"], entry["outcome"]) == (
        "out of hours crisis", True, "allowed_break_glass")


def test_reads_are_listed_oldest_first(client: TestClient, person: str) -> None:
    """The log lists reads in the order they happened."""
    for staff in ("s-1", "s-2", "s-3"):
        client.get(f"/people/{person}/story", headers=bearer("provider", "hub", staff))
    assert [e["staff_id"] for e in reads(client, person)] == ["s-1", "s-2", "s-3"]


def test_the_key_worker_sees_the_access_log(client: TestClient, person: str) -> None:
    """The person's key worker may see who read the story."""
    client.post(f"/people/{person}/events", json=key_worker("kw-1"), headers=bearer("provider", "hub"))
    answer = client.get(f"/people/{person}/access-log", headers=bearer("key_worker", "hub", "kw-1"))
    assert answer.status_code == 200


def test_other_provider_staff_may_not_see_the_access_log(client: TestClient, person: str) -> None:
    """Even the registering provider's staff, if not the key worker, get 403."""
    answer = client.get(f"/people/{person}/access-log", headers=bearer("provider", "hub"))
    assert answer.status_code == 403


def test_commissioners_may_not_see_the_access_log(client: TestClient, person: str) -> None:
    """Commissioners never see anything about one person."""
    assert client.get(f"/people/{person}/access-log", headers=bearer("commissioner")).status_code == 403


def test_a_stranger_asking_for_the_access_log_learns_nothing(client: TestClient, person: str) -> None:
    """A provider with no relationship gets the unknown story's 404, not a 403 that confirms it."""
    known = client.get(f"/people/{person}/access-log", headers=bearer("provider", "housing"))
    unknown = client.get(f"/people/{uuid.uuid4()}/access-log", headers=bearer("provider", "housing"))
    assert known.status_code == unknown.status_code == 404
