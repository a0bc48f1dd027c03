"""No database call runs on the event loop: a route's store work runs in a worker thread, and the
dependencies run on the loop look only at the request and at memory (``api.http.worker_thread``).

Every statement, and every wait for a pooled connection, is watched while the requests are
answered (the real calls still run): one made from a thread running an event loop is a failure.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from typing import Any

import psycopg
import psycopg_pool
import pytest
from api_journeys import bearer, contact, registration
from fastapi.testclient import TestClient

from tests.api.worklist_story import CMHT, HUB, KW5, on_the_lists

WATCHED = ((psycopg.Cursor, "execute"), (psycopg.Cursor, "executemany"), (psycopg.Cursor, "copy"),
           (psycopg_pool.ConnectionPool, "getconn"))


@pytest.fixture
def on_the_loop(client: TestClient, person: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The database calls made on an event loop from now on (the app started, a person on the
    lists), by name."""
    on_the_lists(client, person)
    found: list[str] = []

    def watched(original: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(original)
        def call(*args: Any, **kwargs: Any) -> Any:
            try:
                asyncio.get_running_loop()
                found.append(original.__qualname__)
            except RuntimeError:  # no loop runs in this thread: a worker's
                pass
            return original(*args, **kwargs)

        return call

    for owner, name in WATCHED:
        monkeypatch.setattr(owner, name, watched(getattr(owner, name)))
    return found


ASKED: dict[str, tuple[str, str, dict[str, str], dict[str, Any] | None, int]] = {
    "story read": ("GET", "/people/{person}/story", bearer("analyst"), None, 200),
    "waiting list": ("GET", "/providers/cmht/waiting-list", CMHT, None, 200),
    "caseload": ("GET", "/providers/cmht/caseload", CMHT, None, 200),
    "my people": ("GET", "/key-workers/kw-5/caseload", KW5, None, 200),
    "append": ("POST", "/people/{person}/events", HUB, contact("c-9"), 201),
    "floor": ("POST", "/people/{person}/events", HUB, {**contact("c-9"), "type": "NotAnEvent"}, 422),
    "registration": ("POST", "/people", HUB, registration("9434765870"), 201),
}


@pytest.mark.parametrize("asked", list(ASKED))
def test_no_database_call_runs_on_the_event_loop(client: TestClient, person: str,
                                                 on_the_loop: list[str], asked: str) -> None:
    """Each of the hot requests, answered as usual, with every database call in a worker."""
    method, path, headers, body, status = ASKED[asked]
    answer = client.request(method, path.format(person=person), headers=headers, json=body)
    assert (answer.status_code, on_the_loop) == (status, []), answer.text


def test_the_revocation_list_is_read_from_a_worker(client: TestClient, person: str,
                                                   on_the_loop: list[str]) -> None:
    """A list due a look at the table at every request is read in a worker thread, not on the loop."""
    client.app.state.ledger.log_recorder.revoked_tokens.every = 0.0  # type: ignore[attr-defined]
    answer = client.get(f"/people/{person}/story", headers=bearer("analyst"))
    assert (answer.status_code, on_the_loop) == (200, [])
