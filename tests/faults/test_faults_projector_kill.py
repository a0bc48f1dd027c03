"""``ledger project`` SIGKILLed at random moments, again and again, while writers keep appending to
the log it follows: each restart resumes from the committed position, and at the end the facts
equal a from-scratch rebuild (no event counted twice, none skipped)."""

from __future__ import annotations

import os
import random
import time
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from concurrent_log import JourneyWriter
from ledger_invariants import check_projections, wait_until_caught_up
from projector_process import Worker, await_open_batch, batch_open

from bench.log_generator import borough_lines
from commands import Ledger
from commands.bulk_import import BulkImport
from projections.facts.runner import FiguresRunner

SOAK = os.environ.get("LEDGER_SOAK") == "1"
SEED = int(os.environ.get("LEDGER_FAULT_SEED", "20261127"))
KILLS, BACKLOG, WRITTEN, WRITE_SECONDS = (40, 6000, 40_000, 180) if SOAK else (6, 1500, 2400, 10)


@dataclass
class Kills:
    """Where each kill landed: the projected position, the log's head, and whether a projector
    transaction was open on the server at that moment."""

    landed: list[tuple[int, int, bool]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.landed)

    def summary(self) -> str:
        behind = sum(position < head for position, head, _ in self.landed)
        inside = sum(open_ for _, _, open_ in self.landed)
        return f"kills={len(self)} while_behind={behind} inside_a_transaction={inside}"


def kill_at_random(worker: Worker, watcher: FiguresRunner, writers: list[JourneyWriter],
                   rng: random.Random, conn: psycopg.Connection[tuple[int]], schema: str) -> Kills:
    """Kill the worker a random while after it next makes progress, restart it; KILLS times, as
    long as the writers write. Every second kill then also waits for a batch transaction to be
    open (a kill at a random instant mostly lands between batches: they are short)."""
    kills = Kills()
    while len(kills) < KILLS and any(w.is_alive() for w in writers):
        before, deadline = watcher.projector.position(watcher.ledger), time.monotonic() + 60
        while watcher.projector.position(watcher.ledger) == before and any(w.is_alive() for w in writers):
            assert worker.alive(), worker.log.read_text()[-2000:]
            assert time.monotonic() < deadline, "the projection worker made no progress"
            time.sleep(0.005)
        time.sleep(rng.uniform(0.0, 0.4))
        open_ = await_open_batch(conn, schema, 2.0) if len(kills) % 2 else batch_open(conn, schema)
        position = watcher.projector.position(watcher.ledger)
        head = int(watcher.ledger.recorder.max_notification_id() or 0)
        worker.kill()
        kills.landed.append((position, head, open_))
        worker.start()
    return kills


def test_a_projector_killed_again_and_again_under_writes_ends_equal_to_a_rebuild(
    ledger: Ledger, env: dict[str, str], database_url: str, schema: str, tmp_path: Path
) -> None:
    """A backlog, writers appending throughout (one event per transaction, and 25), the worker
    SIGKILLed at random moments and restarted: the facts end equal to a from-scratch rebuild."""
    rng = random.Random(SEED)
    BulkImport(ledger, batch_size=500).run(enumerate(borough_lines(BACKLOG, seed=SEED), 1), lambda n: None)
    single, batched = WRITTEN // 5, WRITTEN - WRITTEN // 5
    writers = [JourneyWriter(ledger, "single", single, 1, WRITE_SECONDS / single, SEED + 1),
               JourneyWriter(ledger, "batched", batched, 25, WRITE_SECONDS * 25 / batched, SEED + 2)]
    watcher, worker = FiguresRunner(env, app=ledger), Worker(database_url, schema, tmp_path)
    try:
        worker.start()
        for writer in writers:
            writer.start()
        with psycopg.connect(database_url, autocommit=True) as conn:
            kills = kill_at_random(worker, watcher, writers, rng, conn, schema)
        for writer in writers:
            writer.join(timeout=WRITE_SECONDS * 3)
            assert writer.error is None, writer.error
        heads = wait_until_caught_up(watcher)
        assert worker.stop() == 0, worker.log.read_text()[-2000:]
        projected = check_projections(env, ledger, follower=False)
    finally:
        if worker.alive():
            worker.kill()
        watcher.stop()
    print(f"\nprojector kill: seed={SEED} {kills.summary()} starts={worker.starts} heads={heads} "
          f"rebuilt={projected.rebuilt_events} events")
    assert len(kills) >= (KILLS if SOAK else 3), kills.summary()
    assert sum(position < head for position, head, _ in kills.landed) >= 1, kills.summary()
    assert sum(open_ for _, _, open_ in kills.landed) >= 1, kills.summary()
    assert projected.positions == heads
