"""Reads recorded on kept access logs: each lands once, a stale one retries, erasure evicts, and
snapshots are still taken."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from uuid import UUID

from commands import Ledger
from commands.access_log import AccessLog, Read
from commands.audit_log import AuditLog

POLL_SECONDS = 0.2


def read_by(staff_id: str, reason: str | None = None) -> Read:
    """An analyst's read of a story by ``staff_id``."""
    return Read(role="analyst", provider_id=None, staff_id=staff_id, reason=reason,
                break_glass=False, outcome="allowed", at=datetime.now(UTC))


def test_concurrent_reads_from_two_instances_each_land_once(env: dict[str, str], person: UUID) -> None:
    """Two access-log instances (two processes' worth) read one story at once: all land, once each."""
    with AccessLog(env=env) as one, AccessLog(env=env) as two:
        jobs = [(one if n % 2 else two, f"s-{n}") for n in range(60)]
        with ThreadPoolExecutor(8) as pool:
            list(pool.map(lambda job: job[0].record_read(person, read_by(job[1])), jobs))
        staff = sorted(read.staff_id for read in one.reads(person))
    assert staff == sorted(f"s-{n}" for n in range(60))


def test_a_kept_log_behind_the_log_retries(env: dict[str, str], person: UUID) -> None:
    """Kept at version 2 here, read elsewhere (version 3): the next read here lands at 4."""
    with AccessLog(env=env) as here, AccessLog(env=env) as elsewhere:
        here.record_read(person, read_by("s-1"))
        assert person in here.kept
        elsewhere.record_read(person, read_by("s-2"))
        here.record_read(person, read_by("s-3", "audit"))
        versions = [event.originator_version for event in here.repository.event_store.get(person)]
        assert [read.staff_id for read in here.reads(person)] == ["s-1", "s-2", "s-3"]
        assert here.reads(person)[-1].reason == "audit"
    assert versions == [1, 2, 3, 4]


def test_snapshots_are_still_taken_every_fifty_reads(env: dict[str, str], person: UUID) -> None:
    """Fifty reads on the kept log (the Started event is version 1): a snapshot at version 50."""
    with AccessLog(env=env) as log:
        for n in range(50):
            log.record_read(person, read_by(f"s-{n}"))
        assert log.snapshots is not None
        snapshots = list(log.snapshots.get(person))
    assert [snapshot.originator_version for snapshot in snapshots] == [50]


def test_an_erasure_elsewhere_evicts_the_kept_log(
    ledger: Ledger, person: UUID, env: dict[str, str]
) -> None:
    """Another process erases the person: this one forgets the kept log within two polls."""
    with AccessLog(env={**env, "LEDGER_ERASURE_POLL_SECONDS": str(POLL_SECONDS)}) as log:
        log.record_read(person, read_by("s-1"))
        assert person in log.kept
        with AuditLog(env=env) as audit_log:
            ledger.erase_identity(person, audit_log, "admin-1", "admin")
        erased_at = time.monotonic()
        while person in log.kept and time.monotonic() - erased_at < 5:
            time.sleep(0.05)
        assert person not in log.kept
    assert time.monotonic() - erased_at < 2 * POLL_SECONDS + 1
