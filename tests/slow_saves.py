"""A slow save and what watches it, for the slow-writer fault tests: a save whose transaction is
held open after its insert (its notification ids given out, the write lock held) until released,
a sampler of the figures' position against the committed ids, and writers that queue behind it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

import pytest
from concurrent_log import committed_ids

from commands import Ledger
from commands.recorder import LedgerRecorder
from projections.facts.runner import FiguresRunner
from tests.figures.scribe import Scribe

WHEN = "2025-02-03T10:00"


class SlowSave:
    """Holds the transaction of the next save made by an armed thread open after its insert (its
    notification ids given out, the write lock held) until released."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.armed: threading.Thread | None = None
        self.ids: list[int] = []
        self.inserted, self.release, self.committed = threading.Event(), threading.Event(), threading.Event()
        inner = LedgerRecorder._insert_rows

        def insert_then_hold(recorder: LedgerRecorder, curs: Any, *args: Any, **kwargs: Any) -> Any:
            inner(recorder, curs, *args, **kwargs)  # the INSERT sent, its COMMIT not yet
            if threading.current_thread() is self.armed:
                ids = [row["notification_id"] for row in curs.fetchall()]  # ids given out, uncommitted
                curs.scroll(0, mode="absolute")  # the recorder reads them again after the commit
                self.armed, self.ids = None, ids
                self.inserted.set()
                assert self.release.wait(timeout=30), "the slow save was never released"

        monkeypatch.setattr(LedgerRecorder, "_insert_rows", insert_then_hold)

    def reset(self) -> None:
        """Ready for another slow save."""
        for event in (self.inserted, self.release, self.committed):
            event.clear()

    def run(self, save: Callable[[], object]) -> threading.Thread:
        """Make ``save`` in a thread of its own, armed to hold; answers the thread once inserted."""
        def slow() -> None:
            save()
            self.committed.set()

        thread = threading.Thread(target=slow, name="slow-save", daemon=True)
        self.armed = thread
        thread.start()
        assert self.inserted.wait(timeout=30), "the slow save never inserted"
        return thread


@dataclass(frozen=True)
class Sample:
    """The figures' position, then every notification id committed by then (one snapshot), and
    the ids of the slow save inserted before the position was read, if any."""

    position: int
    committed: tuple[int, ...]
    held: tuple[int, ...]

    @property
    def during_hold(self) -> bool:
        """Whether the slow save's ids were given out but not committed when this was sampled."""
        return bool(self.held) and not set(self.held) & set(self.committed)


@dataclass
class Sampler:
    """Samples the figures' position and the committed ids, as fast as it can, until stopped."""

    watcher: FiguresRunner
    ledger: Ledger
    slow: SlowSave
    samples: list[Sample] = field(default_factory=list)
    stopping: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        while not self.stopping.is_set():
            held = tuple(self.slow.ids) if self.slow.inserted.is_set() else ()
            position = self.watcher.projector.position(self.watcher.ledger)
            self.samples.append(Sample(position, tuple(committed_ids(self.ledger)), held))

    def check(self, final: list[int]) -> None:
        """The position never passed an id not yet committed; commits came in id order."""
        for sample in self.samples:
            committed = set(sample.committed)
            passed = [i for i in final if i <= sample.position and i not in committed]
            assert not passed, f"the figures passed uncommitted ids {passed[:5]} at {sample.position}"
            assert not sample.during_hold or sample.position < min(sample.held), sample
            prefix = final[: len(sample.committed)]
            assert list(sample.committed) == prefix, f"committed out of order: {sample.committed[-5:]}"


def people(scribe: Scribe, count: int) -> list[UUID]:
    """Register ``count`` people with the hub."""
    registered = [UUID(int=900 + n, version=4) for n in range(count)]
    for person in registered:
        scribe.person(person, "hub", WHEN)
    return registered


class ContactWriter(threading.Thread):
    """Appends ``count`` contacts to one story, noting each one's log position."""

    def __init__(self, ledger: Ledger, person: UUID, prefix: str, count: int, positions: list[int]) -> None:
        super().__init__(name=f"writer-{prefix}", daemon=True)
        self.scribe, self.person, self.prefix, self.count = Scribe(ledger), person, prefix, count
        self.positions = positions
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            for n in range(self.count):
                self.scribe.contact(self.person, "hub", WHEN, f"{self.prefix}-{n}")
                self.positions.append(self.scribe.positions[-1])
        except BaseException as error:  # reported by the test, which joins the writers
            self.error = error
