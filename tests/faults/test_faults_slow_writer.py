"""A slow writer holds its transaction open after its insert, while later writes queue and the
projector follows: commit order equals notification order (the log's write lock), so the
projector never passes an id that is not yet committed and never skips the late event.

Without the write lock (the control at the end) the same moment makes the projector skip it:
the check below is the one that would see it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from uuid import UUID

import pytest
from concurrent_log import JourneyWriter, committed_ids, providers
from ledger_invariants import check_projections, projected_contacts
from slow_saves import WHEN, ContactWriter, Sampler, SlowSave, people

from commands import Ledger
from projections.facts import runner as runner_module
from projections.facts.runner import FiguresRunner
from replay.run import ReplayRequest, replay
from tests.figures.scribe import Scribe

HOLD_SECONDS = 1.0  # well inside the lock timeout (5 s) the queued writers wait for


@pytest.fixture
def following(env: dict[str, str], ledger: Ledger,
              monkeypatch: pytest.MonkeyPatch) -> Iterator[FiguresRunner]:
    """The figures' runner following the test's ledger in a thread, polling every 10 ms."""
    monkeypatch.setattr(runner_module, "POLL_SECONDS", 0.01)
    figures = FiguresRunner(env, app=ledger)
    figures.start()
    yield figures
    figures.stop()


def test_a_slow_writer_holding_its_transaction_is_never_skipped(
    ledger: Ledger, env: dict[str, str], following: FiguresRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Twice (a slow append, then a slow registration), later writers (appends and a bulk import)
    queue behind the open transaction while the projector follows: it never passes the slow ids,
    and once all commit, its facts hold the slow event once and equal a from-scratch rebuild."""
    providers(ledger)
    scribe = Scribe(ledger)
    *others, alone = people(scribe, 4)  # the slow append's story is its own: no version race
    slow = SlowSave(monkeypatch)
    watcher = FiguresRunner(env, app=ledger)
    sampler = Sampler(watcher, ledger, slow)
    sampling = threading.Thread(target=sampler.run, name="sampler", daemon=True)
    sampling.start()
    held: list[int] = []
    try:
        saves: list[Callable[[], object]] = [
            lambda: Scribe(ledger).contact(alone, "hub", WHEN, "slow-contact"),
            lambda: Scribe(ledger).person(UUID(int=999, version=4), "hub", WHEN)]
        for round_, save in enumerate(saves):
            slow.reset()
            slow_thread = slow.run(save)
            later: list[int] = []
            writers: list[ContactWriter | JourneyWriter] = [
                ContactWriter(ledger, person, f"r{round_}-p{n}", 5, later) for n, person in enumerate(others)]
            writers.append(JourneyWriter(ledger, f"bulk-{round_}", 60, 7, 0.0, round_))
            for writer in writers:
                writer.start()
            time.sleep(HOLD_SECONDS)
            assert watcher.projector.position(watcher.ledger) < min(slow.ids)
            held += slow.ids
            slow.release.set()
            slow_thread.join(timeout=30)
            for writer in writers:
                writer.join(timeout=30)
                assert writer.error is None, writer.error
            assert len(later) == 5 * len(others)
            assert min(later) > max(slow.ids), "a later write was given an id before the slow one's"
    finally:
        sampler.stopping.set()
        sampling.join(timeout=30)
        watcher.stop()
    final = committed_ids(ledger)
    sampler.check(final)
    during = [s for s in sampler.samples if s.during_hold]
    assert len(during) >= 10, f"only {len(during)} samples while a slow save was open"
    projected = check_projections(env, ledger, follower=True, contacts=["slow-contact"])
    print(f"\nslow writer: held ids {held}, samples={len(sampler.samples)} (during holds {len(during)}), "
          f"final position {projected.positions}")


def test_without_the_write_lock_the_late_event_would_be_skipped(
    ledger: Ledger, env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The control: with the lock statements gone, a later write (from another process: one
    process's writes queue for group commit anyway) commits a higher id while the slow one is
    open; a catch-up then passes the slow id, and the facts miss the slow event."""
    providers(ledger)
    other = Ledger(env=env)
    scribe = Scribe(other)
    first, second = people(scribe, 2)
    for recorder in (ledger.log_recorder, other.log_recorder):
        monkeypatch.setattr(recorder, "lock_table_statements", recorder.lock_table_statements[:1])
    slow, figures = SlowSave(monkeypatch), FiguresRunner(env, app=ledger)
    try:
        slow_thread = slow.run(lambda: Scribe(ledger).contact(first, "hub", WHEN, "slow-contact"))
        scribe.contact(second, "hub", WHEN, "fast-contact")  # not held up: no lock to wait for
        assert scribe.positions[-1] > max(slow.ids)
        passed = figures.catch_up()["ledger"]
        assert passed > max(slow.ids)
        assert max(slow.ids) not in committed_ids(ledger)
        slow.release.set()
        slow_thread.join(timeout=30)
        figures.catch_up()
        copies = projected_contacts(figures, ["slow-contact", "fast-contact"])
    finally:
        figures.stop()
        other.close()
    assert copies == {"fast-contact": 1}, copies  # the slow event was skipped, for good
    differences = replay(env, ReplayRequest(verify=True, figures=False), app=ledger).differences
    assert [(d.table, d.live, d.rebuilt) for d in differences] == [("figures_contacts", "missing", "present")]
