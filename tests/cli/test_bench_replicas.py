"""The fast seeder's copies: each copied story reads back as its original, under a new person."""

from __future__ import annotations

import threading
import time
from uuid import UUID

import psycopg
import pytest

from bench.replicas import Replicator
from commands import Ledger
from commands.bulk_import import BulkImport
from simulation import simulate

pytestmark = pytest.mark.bench


def registrations(ledger: Ledger) -> list[UUID]:
    """Every story's id, in log order."""
    page = ledger.recorder.select_notifications(0, 100_000, topics=["ledger.PersonStory.PersonRegistered"])
    return [n.originator_id for n in page]


def test_a_copied_story_reads_as_its_original_with_a_new_nhs_number(ledger: Ledger) -> None:
    """Same events, times and data (names and free text opened under the copy's own key); only
    the NHS number differs, and the copy holds its new number's claim."""
    lines = enumerate((line.encode() for line in simulate(30, 3, seed=4, start="2025-01")), 1)
    assert not BulkImport(ledger).run(lines, lambda n: None).rejections
    originals = registrations(ledger)
    Replicator(ledger).grow(int(ledger.recorder.max_notification_id() or 0) * 2)
    copies = registrations(ledger)[len(originals):]
    original, copy = ledger.story(originals[0]), ledger.story(copies[0])
    assert copy.id != original.id
    assert copy.version == original.version
    first, again = original.entries[0], copy.entries[0]
    assert {**again.data, "nhs_number": None} == {**first.data, "nhs_number": None}
    assert again.data["nhs_number"] != first.data["nhs_number"]
    assert [(e.type, e.occurred_at, e.data) for e in copy.entries[1:]] == \
        [(e.type, e.occurred_at, e.data) for e in original.entries[1:]]
    claim = ledger.nhs_claim(again.data["nhs_number"])
    assert claim is not None
    assert claim.person_id == copy.id


def test_a_second_growth_issues_new_nhs_numbers(ledger: Ledger) -> None:
    """Growing again (as the full run does, size after size) copies the stories once more, each
    copy with an NHS number no earlier copy holds, every one with its own claim."""
    lines = enumerate((line.encode() for line in simulate(20, 3, seed=5, start="2025-01")), 1)
    assert not BulkImport(ledger).run(lines, lambda n: None).rejections
    originals = len(registrations(ledger))
    head = int(ledger.recorder.max_notification_id() or 0)
    Replicator(ledger).grow(head * 2)
    Replicator(ledger).grow(head * 3)
    copies = registrations(ledger)[originals:]
    numbers = [ledger.story(person).entries[0].data["nhs_number"] for person in copies]
    assert len(copies) >= 2 * originals
    assert len(set(numbers)) == len(numbers)
    assert all(ledger.nhs_claim(number) is not None for number in numbers)


def test_a_story_running_across_pages_is_copied_whole(ledger: Ledger,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """With pages far shorter than a story, a copy's later sealed events (met on a page after
    the one that made the copy's key) are sealed under that key and read back as the original's."""
    monkeypatch.setattr("bench.replicas.PAGE", 7)
    lines = enumerate((line.encode() for line in simulate(12, 3, seed=6, start="2025-01")), 1)
    assert not BulkImport(ledger).run(lines, lambda n: None).rejections
    originals = registrations(ledger)
    Replicator(ledger).grow(int(ledger.recorder.max_notification_id() or 0) * 2)
    copies = registrations(ledger)[len(originals):2 * len(originals)]
    for original, copy in zip(originals, copies, strict=True):
        assert [(e.type, e.data) for e in ledger.story(copy).entries[1:]] == \
            [(e.type, e.data) for e in ledger.story(original).entries[1:]]


def test_a_page_waits_again_for_a_write_lock_held_past_the_lock_timeout(
        env: dict[str, str], schema: str, database_url: str) -> None:
    """A writer holding the log's lock longer than the lock timeout (as on a busy machine, where
    the full run's growth to ten million once stopped) delays the growth; the page goes in once."""
    with Ledger(env={**env, "POSTGRES_LOCK_TIMEOUT": "1"}) as ledger:
        lines = enumerate((line.encode() for line in simulate(8, 2, seed=7, start="2025-01")), 1)
        assert not BulkImport(ledger).run(lines, lambda n: None).rejections
        head = int(ledger.recorder.max_notification_id() or 0)
        taken, released = threading.Event(), threading.Event()

        def hold_the_lock() -> None:
            with psycopg.connect(database_url) as conn:
                conn.execute(f'LOCK TABLE "{schema}".ledger_events IN EXCLUSIVE MODE')
                taken.set()
                time.sleep(1.6)
            released.set()

        originals = len(registrations(ledger))
        holder = threading.Thread(target=hold_the_lock)
        holder.start()
        assert taken.wait(10)
        grown = Replicator(ledger).grow(head * 2)
        holder.join()
        assert released.is_set()
        assert grown >= head * 2
        assert len(registrations(ledger)) > originals
