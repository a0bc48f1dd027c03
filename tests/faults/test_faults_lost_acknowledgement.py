"""Lost acknowledgements: the write commits but its answer never arrives (from PostgreSQL to the
ledger, or from the ledger to the caller); the repeat gets the first answer, not a 409."""

from __future__ import annotations

import socket
import time
from typing import Any

import httpx
import pytest
from api_journeys import bearer, contact
from eventsourcing.persistence import OperationalError
from fastapi.testclient import TestClient
from ledger_invariants import check_projections

from commands import Ledger

HUB = bearer("provider", "hub")


def lose_the_next_commit_answer(monkeypatch: pytest.MonkeyPatch, client: TestClient) -> list[int]:
    """The next batch of the app's group commit commits, then its connection 'drops': each of its
    writers tries its insert again (``LedgerRecorder.insert_events``) and meets its own events.
    Answers the count of answers still to lose (0 once one was lost)."""
    ledger: Ledger = client.app.state.ledger  # type: ignore[attr-defined]
    group, lost = ledger.log_recorder.group, [1]
    inner = group.write_batch

    def write_then_drop(groups: Any) -> Any:
        answers = inner(groups)
        if lost[0] and any(answers):
            lost[0] -= 1
            raise OperationalError("server closed the connection after COMMIT")
        return answers

    monkeypatch.setattr(group, "write_batch", write_then_drop)
    return lost


def stored_contacts(client: TestClient, person: str) -> list[str]:
    """The contact ids of the person's story, in order."""
    story = client.get(f"/people/{person}/story", headers=bearer("analyst")).json()
    return [e["data"]["contact_id"] for e in story["events"] if e["type"] == "ContactRecorded"]


def test_a_keyed_append_whose_commit_answer_is_lost_is_answered_201(
    monkeypatch: pytest.MonkeyPatch, client: TestClient, person: str, env: dict[str, str]
) -> None:
    """The library's retry meets its own committed events; the key's record answers 201, once."""
    lost = lose_the_next_commit_answer(monkeypatch, client)
    headers = {**HUB, "Idempotency-Key": "visit-1"}
    answer = client.post(f"/people/{person}/events", json=contact("c-1"), headers=headers)
    assert (answer.status_code, answer.json(), lost) == (201, {"version": 2}, [0])
    assert stored_contacts(client, person) == ["c-1"]
    check_projections(env, contacts=["c-1"])


def test_an_unkeyed_append_whose_commit_answer_is_lost_is_stored_once(
    monkeypatch: pytest.MonkeyPatch, client: TestClient, person: str, env: dict[str, str]
) -> None:
    """Without a key the retry finds its own events stored: 201, not a 422 or a second copy."""
    lost = lose_the_next_commit_answer(monkeypatch, client)
    answer = client.post(f"/people/{person}/events", json=contact("c-1"), headers=HUB)
    assert (answer.status_code, answer.json(), lost) == (201, {"version": 2}, [0])
    assert stored_contacts(client, person) == ["c-1"]
    check_projections(env, contacts=["c-1"])


def send_and_hang_up(base: str, path: str, body: bytes, headers: dict[str, str]) -> None:
    """Send a request over a raw socket and close it before the answer comes."""
    host, port = base.removeprefix("http://").split(":")
    head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    request = (f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
               f"Content-Length: {len(body)}\r\n{head}Connection: close\r\n\r\n").encode() + body
    with socket.create_connection((host, int(port))) as conn:
        conn.sendall(request)


def test_a_caller_that_hung_up_gets_the_first_answer_on_repeat(served: str, env: dict[str, str]) -> None:
    """The caller's connection drops after sending; the repeat with its key gets 201 version 2."""
    with httpx.Client(base_url=served, timeout=30) as client:
        person = client.post("/people", json={"occurred_at": "2024-01-03T10:15:00+00:00", "data": {
            "given_name": "Ada", "family_name": "Example", "birth_date": "1990-04-01"}},
            headers=HUB).json()["person_id"]
        headers = {**HUB, "Idempotency-Key": "visit-1"}
        send_and_hang_up(served, f"/people/{person}/events", httpx.Request(
            "POST", "/", json=contact("c-1")).content, headers)
        deadline = time.monotonic() + 20
        while client.get(f"/people/{person}/story", headers=bearer("analyst")).json()["version"] < 2:
            assert time.monotonic() < deadline, "the dropped request never landed"
            time.sleep(0.05)
        answer = client.post(f"/people/{person}/events", json=contact("c-1"), headers=headers)
        assert (answer.status_code, answer.json()) == (201, {"version": 2})
        assert client.get(f"/people/{person}/story", headers=bearer("analyst")).json()["version"] == 2
    check_projections(env, contacts=["c-1"])
