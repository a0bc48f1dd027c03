"""A story read on the wire: the story's new events asked for (one round trip), then the read's
access-log entry written and committed (one more), once the story and the person's key are
kept; a process's first read of a story adds only the person's key, read once for the ledger and
the access log; a first read of a person's access log costs no more than a later one."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from uuid import UUID

import pytest
from wire_turns import CountingRelay

from commands import Ledger
from commands.access_log import AccessLog, Read
from ledger.idle_checks import check_when_idle

ANALYSTS_READ = Read(role="analyst", provider_id=None, staff_id="a-1", reason="audit",
                     break_glass=False, outcome="allowed_audit_purpose", at=datetime.now(UTC))


@pytest.fixture
def relayed_log(env: dict[str, str], relay: CountingRelay, relayed: Ledger) -> Iterator[AccessLog]:
    """The access log on the test's schema, through the relay over one never-pinged connection,
    sealing with the relayed ledger's keys."""
    app = AccessLog(env={**env, "POSTGRES_HOST": "127.0.0.1", "POSTGRES_PORT": str(relay.port),
                         "POSTGRES_POOL_SIZE": "1", "POSTGRES_MAX_OVERFLOW": "0",
                         "LEDGER_ERASURE_POLL_SECONDS": "3600"})
    app.recorder.datastore.pool._check = check_when_idle(3600)  # type: ignore[attr-defined]
    app.share_keys(relayed.person_keys)  # as a server does
    yield app
    app.close()


def read(ledger: Ledger, access_log: AccessLog, person: UUID) -> None:
    """What the story route asks of the store: the story, then the read's entry."""
    ledger.story_to_read(person)
    access_log.record_read(person, ANALYSTS_READ)


def test_a_story_read_is_two_round_trips(
    relayed: Ledger, relayed_log: AccessLog, relay: CountingRelay, person: UUID
) -> None:
    """Read once (the story, the key and the access log met), a read is two round trips."""
    read(relayed, relayed_log, person)
    with relay.counting() as turns:
        read(relayed, relayed_log, person)
    assert turns == [2]


def test_a_first_read_of_a_story_in_a_process_is_three_round_trips(
    relayed: Ledger, relayed_log: AccessLog, relay: CountingRelay, person: UUID
) -> None:
    """Nothing kept yet: the story's events, the person's key (shared by the ledger and the
    access log), the entry."""
    with relay.counting() as turns:
        read(relayed, relayed_log, person)
    assert turns == [3]


def test_a_first_entry_in_an_access_log_is_one_round_trip(
    relayed_log: AccessLog, relay: CountingRelay, person: UUID
) -> None:
    """The person's first read (their log not yet started), the key already made: one round trip."""
    relayed_log.mapper.keys.key_for(person, create=True)  # type: ignore[attr-defined]
    with relay.counting() as turns:
        relayed_log.record_read(person, ANALYSTS_READ)
    assert turns == [1]
