"""A catch-up far behind decoded by a worker process, its ranges written in order: the facts,
list rows and summaries equal those written batch by batch; stopped part way it resumes from the
committed range, losing and doubling nothing; a range another projector wrote is not written."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from commands import Ledger
from projections.facts import bulk_catch_up
from projections.facts.bulk_encode import encode_range
from projections.facts.runner import FiguresRunner
from projections.worklists import unsettled
from replay.compare import compare_facts
from replay.summary_check import compare_rebuilt, compare_with_facts
from tests.figures import borough
from tests.figures.exact_figures import fresh_env, list_rows
from tests.figures.scribe import Scribe


@pytest.fixture
def batch_by_batch(ledger: Ledger, database_url: str) -> Iterator[FiguresRunner]:
    """A runner that never goes to bulk: each batch derives its lists and summaries itself."""
    each = FiguresRunner(fresh_env(database_url), app=ledger, batch_size=7)
    each.projector.bulk_behind = 10**9
    yield each
    each.stop()


@pytest.fixture
def in_workers(env: dict[str, str]) -> Iterator[FiguresRunner]:
    """A runner opening the log from its settings, far behind from one event: a worker decodes."""
    runner = FiguresRunner(env, batch_size=7)
    runner.projector.bulk_behind = runner.projector.process_behind = 1
    yield runner
    runner.stop()


def _same(ours: FiguresRunner, theirs: FiguresRunner) -> None:
    assert ours.projector.position(ours.ledger) == theirs.projector.position(theirs.ledger)
    assert compare_facts(ours.view, theirs.view) == []
    assert list_rows(ours) == list_rows(theirs)
    assert compare_rebuilt(ours.view, theirs.view) == []
    assert compare_with_facts(ours.view) == []


def test_a_catch_up_decoded_in_a_worker_equals_one_batch_by_batch(
    scribe: Scribe, in_workers: FiguresRunner, batch_by_batch: FiguresRunner
) -> None:
    """Facts, list rows, summaries and position: all the same."""
    borough.build(scribe)
    assert in_workers.ledger.env is not None  # so a worker process opens the log
    in_workers.catch_up()
    batch_by_batch.catch_up()
    _same(in_workers, batch_by_batch)


def test_a_catch_up_stopped_part_way_resumes_without_loss_or_double(
    scribe: Scribe, in_workers: FiguresRunner, batch_by_batch: FiguresRunner, env: dict[str, str]
) -> None:
    """Ranges written to half the log (as a killed catch-up leaves them), then a new runner."""
    borough.build(scribe)
    head = int(in_workers.ledger.recorder.max_notification_id() or 0)
    projector = in_workers.projector
    stopped_at = bulk_catch_up.catch_up_in_bulk(projector.view, projector._locked, in_workers.ledger,
                                                0, head // 2, 70, 1)
    assert projector.position(in_workers.ledger) == stopped_at == head // 2
    resumed = FiguresRunner(env, batch_size=7)
    try:
        resumed.projector.bulk_behind = resumed.projector.process_behind = 1
        resumed.catch_up()
        batch_by_batch.catch_up()
        _same(resumed, batch_by_batch)
    finally:
        resumed.stop()


def test_a_range_another_projector_wrote_is_not_written_again(
    scribe: Scribe, in_workers: FiguresRunner
) -> None:
    """The position has moved past the range's start: dropped, nothing doubled."""
    borough.build(scribe)
    projector, source = in_workers.projector, in_workers.ledger
    batch = encode_range(source, 0, 70)
    assert bulk_catch_up.write_encoded(projector.view, projector._locked, source.name, batch)
    assert not bulk_catch_up.write_encoded(projector.view, projector._locked, source.name, batch)
    assert projector.position(source) == 70


def test_lists_settled_person_by_person_equal_lists_derived_whole(
    scribe: Scribe, in_workers: FiguresRunner, batch_by_batch: FiguresRunner,
    monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fewer marked than ``WHOLE_SHARE`` of the people: derived per person, the same rows."""
    monkeypatch.setattr(unsettled, "WHOLE_SHARE", 2.0)
    borough.build(scribe)
    in_workers.catch_up()
    batch_by_batch.catch_up()
    assert list_rows(in_workers) == list_rows(batch_by_batch)
