"""Several server processes over one ledger, each a real ``ledger serve`` over HTTP: appends
through any of them land once each, and one process at a time follows the log (killing it hands
the figures to another)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from uuid import UUID

import httpx
import psycopg
import pytest
from api_journeys import bearer, contact, registration
from builders import contact as contact_occurrence
from served_ledger import ServedLedger

from commands import Ledger
from projections.facts.leader import leader_key

HUB = bearer("provider", "hub")
APPENDS = 12


@pytest.fixture
def two_servers(database_url: str, schema: str) -> Iterator[tuple[ServedLedger, ServedLedger]]:
    """Two ``ledger serve`` processes over the same schema (the tests' providers registered)."""
    first, second = ServedLedger(database_url, schema), ServedLedger(database_url, schema)
    try:
        first.start(timeout=180)
        first.register_providers()
        second.start(timeout=180)
        yield first, second
    finally:
        first.stop()
        second.stop()


def register(server: ServedLedger) -> str:
    """A new person, registered through ``server``; their id."""
    answer = httpx.post(f"{server.url}/people", json=registration(None), headers=HUB, timeout=60)
    assert answer.status_code == 201, answer.text
    return str(answer.json()["person_id"])


def append(server: ServedLedger, person: str, contact_id: str) -> int:
    """One contact appended through ``server``; its log position."""
    answer = httpx.post(f"{server.url}/people/{person}/events", json=contact(contact_id),
                        headers=HUB, timeout=60)
    assert answer.status_code == 201, answer.text
    return int(answer.headers["X-Ledger-Position"])


def leader_process(database_url: str, schema: str, not_pid: int | None = None) -> int | None:
    """The process id of the server holding the figures' leader lock (other than ``not_pid``),
    once one does (None if none does within a minute)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with psycopg.connect(database_url, autocommit=True) as connection:
            row = connection.execute(
                "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a USING (pid) "
                "WHERE l.locktype = 'advisory' AND l.granted AND l.objid = %s",
                (leader_key(schema),)).fetchone()
        if row is not None and int(row[0].rsplit(" ", 1)[1]) != not_pid:
            return int(row[0].rsplit(" ", 1)[1])
        time.sleep(0.1)
    return None


def test_appends_through_two_server_processes_land_once_each(
    two_servers: tuple[ServedLedger, ServedLedger], env: dict[str, str]
) -> None:
    """One story written through both processes in turn: every contact once, in order."""
    first, second = two_servers
    person = register(first)
    for number in range(APPENDS):
        append((first, second)[number % 2], person, f"c-{number}")
    with Ledger(env=env) as ledger:
        story = ledger.story(UUID(person))
    ids = [entry.data["contact_id"] for entry in story.entries[1:]]
    assert (story.version, ids) == (APPENDS + 1, [f"c-{number}" for number in range(APPENDS)])


def test_exactly_one_of_two_server_processes_follows_the_log(
    two_servers: tuple[ServedLedger, ServedLedger], database_url: str, schema: str
) -> None:
    """The leader lock is held by one of the two servers' processes."""
    pids = {server.process.pid for server in two_servers if server.process is not None}
    assert leader_process(database_url, schema) in pids


def test_killing_the_leader_hands_the_figures_to_the_other_process(
    two_servers: tuple[ServedLedger, ServedLedger], database_url: str, schema: str
) -> None:
    """SIGKILL the leader: a write through the survivor is then read back there with ``?after=``."""
    leader_pid = leader_process(database_url, schema)
    leader, survivor = sorted(two_servers, key=lambda s: s.process is None or s.process.pid != leader_pid)
    leader.kill()
    assert survivor.process is not None
    assert leader_process(database_url, schema, not_pid=leader_pid) == survivor.process.pid
    position = append(survivor, register(survivor), "c-after-the-kill")
    answer = httpx.get(f"{survivor.url}/providers", params={"after": position},
                       headers=bearer("admin"), timeout=60)
    assert answer.status_code == 200, answer.text


def test_an_erasure_through_a_server_evicts_another_process_s_kept_story(
    two_servers: tuple[ServedLedger, ServedLedger], env: dict[str, str]
) -> None:
    """This test's process keeps a story; a server erases the person: it is forgotten here."""
    first, _ = two_servers
    person = register(first)
    with Ledger(env={**env, "LEDGER_ERASURE_POLL_SECONDS": "0.2"}) as here:
        here.append(UUID(person), [contact_occurrence("c-kept")])
        assert UUID(person) in here.recent_stories
        requested = httpx.post(f"{first.url}/people/{person}/erasure-requests", timeout=60,
                               json={"reason": "the person asked"}, headers=bearer("admin", staff="a-1"))
        assert requested.status_code == 202, requested.text
        approved = httpx.delete(f"{first.url}/people/{person}/identity", timeout=60,
                                headers=bearer("privacy_officer", staff="dpo-1"))
        assert approved.status_code == 204, approved.text
        deadline = time.monotonic() + 30
        while UUID(person) in here.recent_stories and time.monotonic() < deadline:
            time.sleep(0.05)
        assert UUID(person) not in here.recent_stories
