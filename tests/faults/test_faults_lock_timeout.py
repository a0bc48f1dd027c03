"""A stuck writer holding the log's write lock: other writers give up after the lock timeout
(``LEDGER_LOCK_TIMEOUT``) with a 503 instead of queueing behind it without bound."""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import psycopg
import pytest
from api_journeys import bearer, contact, registration
from ledger_invariants import check_projections
from served_ledger import ServedLedger, ledger_served

HUB = bearer("provider", "hub")
ANSWER_WITHIN_SECONDS = 4  # one lock timeout (1 s), with room for a slow machine


@pytest.fixture
def served_with_short_lock_timeout(database_url: str, schema: str) -> Iterator[ServedLedger]:
    """``ledger serve`` whose writers wait at most 1 s for the log's write lock."""
    with ledger_served(database_url, schema, LEDGER_LOCK_TIMEOUT="1") as server:
        yield server


def test_an_append_behind_a_stuck_writer_is_answered_503_in_bounded_time(
    served_with_short_lock_timeout: ServedLedger, database_url: str, schema: str, env: dict[str, str]
) -> None:
    """With the events table locked by another session, an append gets 503 soon, and lands later."""
    url = served_with_short_lock_timeout.url
    with httpx.Client(base_url=url, timeout=120) as client:
        person = client.post("/people", json=registration(None), headers=HUB).json()["person_id"]
        with psycopg.connect(database_url) as stuck:
            stuck.execute(f'LOCK TABLE "{schema}".ledger_events IN EXCLUSIVE MODE')
            started = time.monotonic()
            answer = client.post(f"/people/{person}/events", json=contact(), headers=HUB)
            waited = time.monotonic() - started
            stuck.rollback()
        assert (answer.status_code, waited < ANSWER_WITHIN_SECONDS) == (503, True), (answer.text, waited)
        again = client.post(f"/people/{person}/events", json=contact(), headers=HUB)
        assert (again.status_code, again.json()) == (201, {"version": 2})
    check_projections(env, contacts=["c-1"])
