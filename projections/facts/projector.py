"""The one projector: every fact table and the tracking row advance together, a batch at a time.

One projector (not one per figure) because decoding the log is the cost and is done once; a
retraction touches facts of every kind; and every figure then answers at the same position.
Rows, the summaries they change (``projections.summaries``) and the tracking position commit in
one transaction, so each event counts exactly once, the summaries never drift from the facts,
and after a crash the next batch starts from the committed position.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from eventsourcing.persistence import Tracking

from projections.facts.at_the_head import AtTheHead
from projections.facts.bulk_catch_up import catch_up_in_bulk
from projections.facts.event_rows import Row
from projections.facts.log_sources import Source
from projections.facts.schema import FiguresView, lock_key
from projections.summaries import cells
from projections.summaries.batch import reach_of
from projections.summaries.maintain import Maintenance
from projections.worklists.refresh import refresh_worklists
from projections.worklists.unsettled import mark

BATCH_SIZE = 1000
SCAN_WINDOW = 2  # batches' worth of log positions scanned for one page
# Further behind the head than this, a batch leaves the summaries unbuilt (in its transaction,
# so no question reads them meanwhile) and a catch-up so begun stays in bulk to the head, then
# builds them whole: cheaper than keeping them up to date batch by batch through a long
# catch-up or a replay; its people's list rows are marked, and derived once at the head. A
# bulk batch is BULK_PAGE batches long, up to BULK_MAX events (its decoded rows held in memory).
BULK_BEHIND, BULK_BATCHES, BULK_PAGE, BULK_MAX = 5000, 10, 10, 20_000
# Further behind than PROCESS_BEHIND, DECODE_PROCESSES worker processes decode the bulk batches
# (when the source can be opened from its settings): starting them costs about a second. Two
# were measured on two shared cores and did not pay (docs/scale.md): one is the default.
PROCESS_BEHIND, DECODE_PROCESSES = 50_000, 1
Batch = tuple[int, dict[str, list[Row]], bool]  # position reached, fact rows by table, bulk


class Projector(AtTheHead):
    """Writes the facts of one upstream log into the view, in batches, exactly once."""

    def __init__(self, view: FiguresView, batch_size: int = BATCH_SIZE) -> None:
        self.view = view
        self.batch_size = batch_size
        self.bulk_behind = min(BULK_BEHIND, BULK_BATCHES * batch_size)
        self.process_behind, self.decode_processes = PROCESS_BEHIND, DECODE_PROCESSES
        self.lock_key = lock_key(view.datastore.schema)

    def position(self, source: Source) -> int:
        """How far into the source's log the facts are written."""
        return int(self.view.max_tracking_id(source.name) or 0)

    def advance(self, source: Source, head: int | None = None, bulk: bool = False) -> int:
        """Write one batch (at most up to ``head``); answers the new position. A ``bulk`` batch
        (or one further than ``bulk_behind`` from the head) leaves the summaries unbuilt."""
        start = self.position(source)
        last = head if head is not None else int(source.recorder.max_notification_id() or 0)
        if last <= start:
            return start
        batch = self._read(source, start, last, bulk or last - start > self.bulk_behind)
        self._commit(source.name, start, *batch)
        return batch[0]

    def catch_up(self, source: Source) -> int:
        """Write batches until the position reaches the head of the log as it was on entry
        (in bulk to the end once far behind: ``projections.facts.bulk_catch_up``, decoded by
        worker processes when further behind than ``process_behind``), then derive the marked
        list rows and build the summaries if they are unbuilt."""
        head = int(source.recorder.max_notification_id() or 0)
        position = self.position(source)
        if head - position > self.bulk_behind:
            processes = self.decode_processes if head - position > self.process_behind else 0
            position = catch_up_in_bulk(self.view, self._locked, source, position, head,
                                        self._size(True), processes)
        while position < head:  # near the head, or after another projector wrote a range
            position = self.advance(source, head)
        self.settle_and_build()
        return position

    def _size(self, bulk: bool) -> int:
        """Events per batch: a bulk batch is BULK_PAGE batches long, up to BULK_MAX."""
        return max(self.batch_size, min(self.batch_size * BULK_PAGE, BULK_MAX)) if bulk \
            else self.batch_size

    def _read(self, source: Source, start: int, last: int, bulk: bool) -> Batch:
        """The batch after ``start`` (up to ``last``): its position, fact rows, and bulk flag."""
        size = self._size(bulk)
        # A short range of positions per page: with statistics stale after a bulk import,
        # PostgreSQL would otherwise sort the whole rest of the log for every topic-filtered page.
        end = min(last, start + SCAN_WINDOW * size)
        page = source.recorder.select_notifications(
            start, size, stop=end, topics=source.topics, inclusive_of_start=False)
        # Track the last notification scanned, not only the last matching one, so that waiting
        # for any write's position succeeds (a topic-filtered page may stop short of ``end``).
        position = page[-1].id if len(page) >= size else end
        rows: dict[str, list[Row]] = defaultdict(list)
        for notification in page:
            for table, row in source.facts(notification):
                rows[table].append(row)
        return position, rows, bulk

    def _commit(self, name: str, start: int, position: int, rows: dict[str, list[Row]],
                bulk: bool = False) -> None:
        with self._locked() as curs:
            if self.view.position(curs, name) != start:
                return  # another projector wrote this batch first; ours is dropped
            if bulk:
                cells.forget(curs, self.view)
            upkeep = None if bulk else Maintenance(self.view, curs, reach_of(self.view, rows))
            if upkeep is not None:
                upkeep.before()
            for table, table_rows in rows.items():
                self.view.copy_rows(curs, table, table_rows)
            (mark if bulk else refresh_worklists)(curs, self.view.table, rows)
            if upkeep is not None:
                upkeep.after()
            self.view._insert_tracking(curs, Tracking(name, position))

    @contextmanager
    def _locked(self, shared: bool = False) -> Iterator[Any]:
        """A writing transaction holding the projector's lock (one writer across processes;
        ``shared``, beside other shared holders only: ``settle_and_build``)."""
        with self.view.datastore.transaction(commit=True) as curs:
            curs.execute(f"SELECT pg_advisory_xact_lock{'_shared' if shared else ''}(%s)",
                         (self.lock_key,))
            curs.execute(cells.PATIENT)
            curs.execute(cells.NO_JIT)
            yield curs
