"""Reads written as access-log entries whose versions PostgreSQL picks: each lands once whichever
process wrote it, the versions run on without a gap, a first read starts the log, and reads of
one person in one batch are numbered in the order they came."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from uuid import UUID

import pytest
from queued_writes import queued_together

from commands.access_log import AccessLog, Read
from commands.access_log_entries import Entry
from ledger.access import READ_TOPIC, StoryAccessLog


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
        versions = [e.originator_version for e in one.repository.event_store.get(person)]
    assert (staff, versions) == (sorted(f"s-{n}" for n in range(60)), list(range(1, 62)))


def test_reads_through_two_instances_take_the_next_versions(env: dict[str, str], person: UUID) -> None:
    """Read here, elsewhere, here again: versions 2, 3 and 4 after the log's start, in order."""
    with AccessLog(env=env) as here, AccessLog(env=env) as elsewhere:
        here.record_read(person, read_by("s-1"))
        elsewhere.record_read(person, read_by("s-2"))
        here.record_read(person, read_by("s-3", "audit"))
        events = list(here.repository.event_store.get(person))
        reads = here.reads(person)
    assert [(e.originator_version, type(e).__name__) for e in events] == [
        (1, "Started"), (2, "StoryRead"), (3, "StoryRead"), (4, "StoryRead")]
    assert [(r.staff_id, r.reason) for r in reads] == [("s-1", None), ("s-2", None), ("s-3", "audit")]


def test_reads_of_one_person_in_one_batch_are_numbered_in_order(
    env: dict[str, str], person: UUID, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Six reads of one story queued together: one batch, the log started once, versions 2 to 7
    in the order the reads came, each answered with its own position."""
    with AccessLog(env=env) as log:
        entries = log.recorder.entries  # type: ignore[attr-defined]
        batches: list[list[Entry]] = []
        write_batch = entries.write_batch
        monkeypatch.setattr(entries.group, "write_batch",
                            lambda batch: batches.append(batch) or write_batch(batch))
        writes = [lambda n=n: log.record_read(person, read_by(f"s-{n}")) for n in range(6)]
        positions = queued_together(None, writes, group=entries.group)
        stored = {e.originator_version: e for e in log.repository.event_store.get(person)}
    assert [len(batch) for batch in batches] == [6]
    assert isinstance(stored[1], StoryAccessLog.Started)
    assert [stored[v].staff_id for v in range(2, 8)] == [  # type: ignore[attr-defined]
        json.loads(entry.read)["staff_id"] for entry in batches[0]]
    assert len(set(positions)) == 6


def test_a_read_is_stored_under_the_read_topic(env: dict[str, str], person: UUID) -> None:
    """The stored read is the library's event, under the topic the figures follow."""
    with AccessLog(env=env) as log:
        log.record_read(person, read_by("s-1"))
        topics = [n.topic for n in log.recorder.select_notifications(1, 10)]
    assert topics == [StoryAccessLog.Started.TOPIC, READ_TOPIC]
