"""An erasure in one process leaves every other process's caches within the poll interval."""

from __future__ import annotations

import time
from uuid import UUID

import psycopg
from builders import contact

from commands import Ledger
from commands.audit_log import AuditLog

POLL_SECONDS = 0.2


def test_an_erasure_elsewhere_evicts_the_kept_story_within_seconds(
    ledger: Ledger, person: UUID, env: dict[str, str]
) -> None:
    """Two processes keep the story; one erases: the other forgets it within two polls."""
    with Ledger(env={**env, "LEDGER_ERASURE_POLL_SECONDS": str(POLL_SECONDS)}) as other:
        other.append(person, [contact("c-1")])
        ledger.append(person, [contact("c-2")])
        assert person in other.recent_stories
        assert person in ledger.recent_stories
        with AuditLog(env=env) as audit_log:
            ledger.erase_identity(person, audit_log, "admin-1", "admin")
        assert person not in ledger.recent_stories  # the erasing process: at once
        erased_at = time.monotonic()
        while person in other.recent_stories and time.monotonic() - erased_at < 5:
            time.sleep(0.05)
        assert time.monotonic() - erased_at < 2 * POLL_SECONDS + 1
        assert person not in other.recent_stories


def test_no_erasure_evicts_nothing(ledger: Ledger, person: UUID) -> None:
    """The watch forgets only the erased: a kept story stays through a poll."""
    ledger.append(person, [contact("c-1")])
    assert ledger.erasure_watch.poll() == []
    assert person in ledger.recent_stories


def test_a_watch_that_missed_its_looks_for_minutes_still_hears_of_an_erasure_meanwhile(
    ledger: Ledger, person: UUID, env: dict[str, str], database_url: str, schema: str
) -> None:
    """Its last look ten minutes ago (the database away, or a poll interval that long), the
    person erased elsewhere five minutes ago: the next look forgets them."""
    ledger.append(person, [contact("c-1")])
    with Ledger(env=env) as other, AuditLog(env=env) as audit_log:
        other.erase_identity(person, audit_log, "admin-1", "admin")
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute(f'UPDATE "{schema}".ledger_events_person_keys SET erased_at = now() - '
                     "interval '5 minutes' WHERE person_id = %s", (person,))
    ledger.erasure_watch.heard_at = time.monotonic() - 600
    ledger.erasure_watch.poll()
    assert person not in ledger.recent_stories
