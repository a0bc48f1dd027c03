"""The next batch of group commit is sent while the one before commits: its writer leads it as
soon as the first batch holds the log's write lock, its own lock waits in PostgreSQL, and its
check of stored versions reads what the first committed."""

from __future__ import annotations

import threading
import time
from typing import Any
from uuid import UUID

import pytest
from builders import contact

from commands import Ledger
from ledger.errors import ConcurrentWrite


def in_thread(outcomes: list[Any], write: Any) -> threading.Thread:
    """Run ``write`` in a thread of its own, noting what it answered or raised."""
    def run() -> None:
        try:
            outcomes.append(write())
        except Exception as error:
            outcomes.append(error)
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def test_a_batch_is_sent_while_the_one_before_commits(
    ledger: Ledger, person: UUID, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first append is held after its insert is sent (the write lock held, uncommitted); a
    second append to the same story, decided on the uncommitted story's version, starts its own
    batch meanwhile, and once the first commits it is refused (409) while the first lands."""
    ledger.append(person, [contact("c-0")])  # the story is kept at version 2
    recorder, group = ledger.log_recorder, ledger.log_recorder.group
    held, release, batches = threading.Event(), threading.Event(), [0]
    insert, write_batch = recorder._insert_rows, group.write_batch

    def insert_then_hold(curs: Any, events: Any) -> None:
        insert(curs, events)
        if not held.is_set():
            held.set()
            assert release.wait(timeout=30)

    def counted(groups: Any) -> Any:
        batches[0] += 1
        return write_batch(groups)

    monkeypatch.setattr(recorder, "_insert_rows", insert_then_hold)
    monkeypatch.setattr(group, "write_batch", counted)
    first: list[Any] = []
    second: list[Any] = []
    threads = [in_thread(first, lambda: ledger.append(person, [contact("c-1")]))]
    assert held.wait(timeout=30)
    threads.append(in_thread(second, lambda: ledger.append(person, [contact("c-2")])))
    deadline = time.monotonic() + 10
    while batches[0] < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    sent_while_held = batches[0]
    release.set()
    for thread in threads:
        thread.join(timeout=30)
    assert sent_while_held == 2
    assert first[0].version == 3
    assert isinstance(second[0], ConcurrentWrite)
    assert ledger.story(person).version == 3
