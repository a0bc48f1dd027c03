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
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

import pytest
from concurrent_log import JourneyWriter, committed_ids, providers
from ledger_invariants import check_projections, projected_contacts

from api.deployment.database import store_env
from api.settings import Settings
from commands import Ledger
from commands.access_log import AccessLog
from commands.recorder import LedgerRecorder
from projections.facts import runner as runner_module
from projections.facts.runner import FiguresRunner
from replay.run import ReplayRequest, replay
from replay.verify_chain import verify_chain
from tests.figures.scribe import Scribe

HOLD_SECONDS = 1.0  # well inside the lock timeout (5 s) the queued writers wait for
WHEN = "2025-02-03T10:00"


class SlowSave:
    """Holds the transaction of the next save made by an armed thread open after its insert (its
    notification ids given out, the write lock held) until released."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.armed: threading.Thread | None = None
        self.ids: list[int] = []
        self.inserted, self.release, self.committed = threading.Event(), threading.Event(), threading.Event()
        inner = LedgerRecorder._fetch_ids_after_insert_events

        def fetch_then_hold(recorder: LedgerRecorder, curs: Any, *args: Any, **kwargs: Any) -> Any:
            ids = inner(recorder, curs, *args, **kwargs)  # after the INSERT: ids given out, uncommitted
            if threading.current_thread() is self.armed:
                self.armed, self.ids = None, list(ids or [])
                self.inserted.set()
                assert self.release.wait(timeout=30), "the slow save was never released"
            return ids

        monkeypatch.setattr(LedgerRecorder, "_fetch_ids_after_insert_events", fetch_then_hold)

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


@pytest.fixture
def following(env: dict[str, str], ledger: Ledger,
              monkeypatch: pytest.MonkeyPatch) -> Iterator[FiguresRunner]:
    """The figures' runner following the test's ledger in a thread, polling every 10 ms."""
    monkeypatch.setattr(runner_module, "POLL_SECONDS", 0.01)
    figures = FiguresRunner(env, app=ledger)
    figures.start()
    yield figures
    figures.stop()


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


def test_the_library_insert_function_never_replaces_the_locked_insert(
    database_url: str, schema: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """POSTGRES_ENABLE_DB_FUNCTIONS=y (the library's insert function: no LOCK TABLE, and no
    ``_insert_events`` hook) is overridden: every log inserts under its write lock, and the
    ledger, even when handed the setting directly, still links every event into its chain."""
    monkeypatch.setenv("POSTGRES_ENABLE_DB_FUNCTIONS", "y")
    env = store_env(database_url, Settings(schema_name=schema))
    with AccessLog(env=env) as access_log, Ledger(env={**env, "POSTGRES_ENABLE_DB_FUNCTIONS": "y"}) as ledger:
        assert not access_log.recorder.datastore.enable_db_functions
        providers(ledger)
        person, = people(Scribe(ledger), 1)
        Scribe(ledger).contact(person, "hub", WHEN, "c-1")
        report = verify_chain(ledger)
    assert (report.events, report.broken_at) == (5, None), report
