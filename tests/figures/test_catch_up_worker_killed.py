"""A catch-up whose decoding worker process is killed mid-run (its next range never comes): the
catch-up fails, what it committed stays, and the next catch-up ends with facts, list rows and
summaries equal to one written batch by batch, as ``ledger replay --verify`` would compare them."""

from __future__ import annotations

import os
import signal
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

import pytest

from projections.facts import bulk_catch_up
from projections.facts.runner import FiguresRunner
from tests.figures import borough
from tests.figures.scribe import Scribe
from tests.figures.test_catch_up_in_workers import _same, batch_by_batch, in_workers

__all__ = ["batch_by_batch", "in_workers"]  # the fixtures this module shares


@pytest.fixture
def killed_after_first_range(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Once the first range is written, every decoding worker process is killed (SIGKILL);
    answers the positions written before the kill."""
    made: list[Executor] = []
    written: list[int] = []
    workers, write = bulk_catch_up.workers, bulk_catch_up.write_encoded

    def keep(*args: Any) -> tuple[Executor, int]:
        executor, depth = workers(*args)
        made.append(executor)
        return executor, depth

    def write_then_kill(*args: Any) -> bool:
        done = write(*args)
        if not written:
            written.append(args[-1].end)
            pool = made[-1]
            assert isinstance(pool, ProcessPoolExecutor)
            for pid in list(pool._processes):  # the workers this test started
                os.kill(pid, signal.SIGKILL)
        return done

    monkeypatch.setattr(bulk_catch_up, "workers", keep)
    monkeypatch.setattr(bulk_catch_up, "write_encoded", write_then_kill)
    return written


def test_a_worker_killed_mid_catch_up_loses_and_doubles_nothing(
    scribe: Scribe, in_workers: FiguresRunner, batch_by_batch: FiguresRunner,
    killed_after_first_range: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first catch-up fails after its first range; the next ends equal to batch by batch."""
    borough.build(scribe)
    head = int(in_workers.ledger.recorder.max_notification_id() or 0)
    monkeypatch.setattr(in_workers.projector, "_size", lambda bulk: 5)
    with pytest.raises(BrokenProcessPool):
        in_workers.catch_up()
    assert 0 < killed_after_first_range[0] < head
    assert in_workers.projector.position(in_workers.ledger) < head
    in_workers.catch_up()
    batch_by_batch.catch_up()
    _same(in_workers, batch_by_batch)
