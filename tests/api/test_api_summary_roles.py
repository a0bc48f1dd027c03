"""Who may read a story's summary: exactly those who may read the story, and every read logged."""

from __future__ import annotations

from typing import Any

import pytest
from api_journeys import bearer
from fastapi.testclient import TestClient
from summary_story import KEY_WORKER, TEAM, worked_story

ANALYST = bearer("analyst", staff="an-1")
REFUSED_ROLES = ("commissioner", "admin", "privacy_officer")


def read(client: TestClient, person: str, headers: dict[str, str]) -> Any:
    """The summary's answer."""
    return client.get(f"/people/{person}/summary", headers=headers)


def reads(client: TestClient, person: str) -> list[dict[str, Any]]:
    """The person's access log as an analyst sees it."""
    return list(client.get(f"/people/{person}/access-log", headers=ANALYST).json()["reads"])


def test_the_current_key_worker_reads_it_with_recent_reads(client: TestClient, person: str) -> None:
    """The key worker sees the summary and who read the story lately, newest first (their own
    read of now at the top)."""
    worked_story(client, person)
    read(client, person, TEAM)
    found = read(client, person, KEY_WORKER).json()
    assert [(r["role"], r["staff_id"], r["provider_name"]) for r in found["recent_reads"]] == [
        ("key_worker", "kw-1", "Provider cmht"), ("provider", "t-1", "Provider cmht")]


def test_a_provider_with_a_relationship_reads_it_without_the_reads(client: TestClient, person: str) -> None:
    """Provider staff with a care relationship read the summary; who read it is not theirs."""
    worked_story(client, person)
    answer = read(client, person, TEAM)
    assert (answer.status_code, answer.json()["recent_reads"]) == (200, None)


def test_a_provider_with_no_relationship_gets_the_unknown_story_answer(
    client: TestClient, person: str
) -> None:
    """A stranger's answer is the unknown story's 404, and the refusal is logged."""
    assert read(client, person, bearer("provider", "housing")).status_code == 404
    assert [r["outcome"] for r in reads(client, person)] == ["refused"]


def test_a_key_worker_with_no_relationship_is_refused_as_a_stranger(
    client: TestClient, person: str
) -> None:
    """A key worker elsewhere is no one's key worker here: the unknown story's 404."""
    assert read(client, person, bearer("key_worker", "housing", "kw-1")).status_code == 404


def test_break_glass_reads_it_flagged_with_the_reason(client: TestClient, person: str) -> None:
    """A stranger who states a reason reads it; the read is flagged with that reason."""
    headers = {**bearer("provider", "gp-1"), "X-Break-Glass-Reason": "out of hours crisis call"}
    assert read(client, person, headers).status_code == 200
    (logged,) = reads(client, person)
    assert (logged["outcome"], logged["reason"]) == ("allowed_break_glass", "out of hours crisis call")


def test_an_analyst_reads_it_with_an_audit_purpose(client: TestClient, person: str) -> None:
    """An analyst with an X-Audit-Purpose reads it, recent reads included, flagged as audit."""
    answer = read(client, person, ANALYST)
    assert answer.status_code == 200
    assert answer.json()["recent_reads"][0]["outcome"] == "allowed_audit_purpose"


def test_an_analyst_without_a_purpose_is_refused(client: TestClient, person: str) -> None:
    """Without X-Audit-Purpose an analyst gets 403, logged as refused."""
    assert read(client, person, {"Authorization": ANALYST["Authorization"]}).status_code == 403
    assert [r["outcome"] for r in reads(client, person)] == ["refused"]


@pytest.mark.parametrize("role", REFUSED_ROLES)
def test_roles_that_never_read_a_story_are_refused(client: TestClient, person: str, role: str) -> None:
    """Commissioners, administrators and privacy officers get 403 and open no access log."""
    assert read(client, person, bearer(role)).status_code == 403
    assert reads(client, person) == []


def test_no_token_is_401(client: TestClient, person: str) -> None:
    """Without a token the answer is 401."""
    assert client.get(f"/people/{person}/summary").status_code == 401


def test_an_unknown_person_is_404(client: TestClient, person: str) -> None:
    """A person id with no story answers 404 for a reader who could read any story."""
    unknown = "00000000-0000-4000-8000-000000000000"
    assert read(client, unknown, ANALYST).status_code == 404


def test_the_summary_carries_the_story_version_as_etag(client: TestClient, person: str) -> None:
    """The version the forms send back as If-Match is in the body and the ETag."""
    answer = read(client, person, bearer("provider", "hub"))
    assert (answer.json()["version"], answer.headers["ETag"]) == (1, '"1"')


def test_a_write_shows_at_once_when_read_after_its_position(client: TestClient, person: str) -> None:
    """Read with ?after= the write's X-Ledger-Position, the summary already holds the write."""
    hub = bearer("provider", "hub")
    body = {"type": "ConsentRecorded", "occurred_at": "2024-03-01T10:00:00+00:00",
            "data": {"scope": "research", "given": False}}
    written = client.post(f"/people/{person}/events", json=body, headers=hub)
    position = written.headers["X-Ledger-Position"]
    found = client.get(f"/people/{person}/summary?after={position}", headers=hub).json()
    assert found["timeline"][-1]["words"] == "Refused use of their records in research."
