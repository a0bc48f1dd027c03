"""A catch-up far behind marks the people its bulk batches touch and derives their list rows
once at the head: the lists then equal those derived batch by batch; a crash before the settle
loses no mark; and a position is not reached while marks are left."""

from __future__ import annotations

from typing import Any

import pytest

from projections.facts.runner import FiguresRunner
from projections.worklists import unsettled
from projections.worklists.counts import COUNTS
from projections.worklists.refresh import TABLES
from tests.figures import borough
from tests.figures.exact_figures import fresh_env, list_rows
from tests.figures.scribe import Scribe


def _bulk_batches(runner: FiguresRunner, count: int) -> None:
    runner.projector.bulk_behind = 0
    for _ in range(count):
        runner.projector.advance(runner.ledger, bulk=True)


def _batch_by_batch(runner: FiguresRunner, database_url: str) -> dict[str, list[Any]]:
    """The lists a runner deriving them in every batch (never in bulk) writes on the same log."""
    each = FiguresRunner(fresh_env(database_url), app=runner.ledger.app, batch_size=7)
    try:
        each.projector.bulk_behind = 10**9
        each.catch_up()
        return list_rows(each)
    finally:
        each.stop()


def test_lists_settled_at_the_head_equal_lists_derived_batch_by_batch(
    scribe: Scribe, runner: FiguresRunner, database_url: str
) -> None:
    """Caught up in bulk (any event behind counts as far): the same rows in every list table."""
    borough.build(scribe)
    runner.projector.bulk_behind = 1
    runner.catch_up()
    assert not runner.projector.unsettled()
    assert list_rows(runner) == _batch_by_batch(runner, database_url)


def test_a_crash_between_bulk_batches_and_the_settle_loses_no_list_row(
    scribe: Scribe, runner: FiguresRunner, env: dict[str, str], database_url: str
) -> None:
    """Stopped after bulk batches, the marks are there; a new runner settles them all."""
    borough.build(scribe)
    _bulk_batches(runner, 3)
    assert runner.projector.unsettled()
    resumed = FiguresRunner(env, app=runner.ledger.app, batch_size=7)
    try:
        resumed.catch_up()
        assert not resumed.projector.unsettled()
        assert list_rows(resumed) == _batch_by_batch(runner, database_url)
    finally:
        resumed.stop()


def test_a_position_is_not_reached_while_list_rows_are_left_to_derive(
    scribe: Scribe, runner: FiguresRunner
) -> None:
    """Read-your-writes (``after``) waits for the settle, not only for the facts."""
    borough.build(scribe)
    _bulk_batches(runner, 1)
    with pytest.raises(TimeoutError):
        runner.wait(runner.projector.position(runner.ledger), timeout=0.2)
    runner.projector.settle_worklists()
    runner.wait(runner.projector.position(runner.ledger), timeout=0.2)


def test_a_settle_of_many_people_takes_the_list_tables_statistics(
    scribe: Scribe, runner: FiguresRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Settled at the head, each list table has statistics for a page's plan to go by."""
    monkeypatch.setattr(unsettled, "ANALYSED", 1)  # the borough's four people count as many
    borough.build(scribe)
    runner.projector.bulk_behind = 1
    runner.catch_up()
    with runner.view.datastore.transaction(commit=False) as curs:
        curs.execute("SELECT DISTINCT tablename FROM pg_stats WHERE schemaname = %s",
                     (runner.view.datastore.schema,))
        analysed = {row["tablename"] for row in curs.fetchall()}
    assert {f"figures_{name}" for name in (*TABLES, COUNTS)} <= analysed
