"""Bulk import: many lines per transaction; a rejected line writes nothing, valid lines land."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor

from eventsourcing.persistence import IntegrityError

from commands.application import Ledger
from commands.import_batch import ImportBatch
from commands.import_report import ImportReport
from commands.imported_stories import DEFAULT_MOST_BYTES, StoryCache, fewer_collections
from commands.line_checking import LineCheckers
from commands.lines_alone import QueuedCosts, saved_alone
from commands.receipts import Receipt
from ledger.checked_lines import NumberedLine
from ledger.errors import LedgerError
from ledger.event_lines import ParsedLine

__all__ = ["BulkImport", "ImportReport"]


class BulkImport:
    """Appends an NDJSON stream in batches, falling back to one line at a time on a conflict.

    Lines are parsed and validated in ``workers`` other processes (``commands.line_checking``;
    none: in this one), in the file's order. Batches are pipelined: while one batch is written
    (in a writer thread, under the log's lock), the next is decided in memory. If the write
    loses a race, that batch is redone one line at a time and the next is decided again on the
    stories as stored. A provider's cost change is written behind the batch before it
    (``commands.lines_alone.QueuedCosts``); a provider's registration waits for the log.
    """

    def __init__(self, ledger: Ledger, batch_size: int = 1000,
                 cache_bytes: int = DEFAULT_MOST_BYTES, workers: int = 0) -> None:
        self.ledger = ledger
        self.checkers = LineCheckers(workers)
        self.batch_size = batch_size
        self.cache = StoryCache(cache_bytes)
        self.report = ImportReport()
        self.in_flight: tuple[list[tuple[int, ParsedLine]], ImportBatch, Future[None]] | None = None
        self.costs = QueuedCosts(ledger)  # cost changes queued behind the batch in flight
        self.writer: ThreadPoolExecutor  # one per run, shut down when the run ends

    def run(self, lines: Iterable[NumberedLine], advance: Callable[[int], None]) -> ImportReport:
        """Import every line, calling ``advance`` with the bytes consumed after each batch."""
        with fewer_collections():
            return self._run(lines, advance)

    def _run(self, lines: Iterable[NumberedLine], advance: Callable[[int], None]) -> ImportReport:
        batch: list[tuple[int, ParsedLine]] = []
        consumed = 0
        self.writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="import-writer")
        try:
            for verdicts, size in self.checkers.verdicts(lines):
                consumed += size
                for number, parsed in verdicts:
                    if isinstance(parsed, str):
                        self.report.reject(number, parsed)
                        continue
                    if parsed.occurrence.type == "ProviderCostsChanged":  # no line waits for it
                        self._flush(batch)
                        self.costs.queue(self.writer, number, parsed, self._writing())
                        continue
                    if parsed.is_provider_event:  # a registration: later lines may name it
                        self._flush(batch)
                        self._settle()
                        self._one_by_one([(number, parsed)])
                        continue
                    batch.append((number, parsed))
                    if len(batch) >= self.batch_size:
                        self._flush(batch)
                        advance(consumed)
                        consumed = 0
            self._flush(batch)
            self._settle()
        finally:
            self.writer.shutdown(wait=True)
        advance(consumed)
        return self.report

    def _flush(self, batch: list[tuple[int, ParsedLine]]) -> None:
        """Decide the batch now; write it once the batch before it has landed."""
        if not batch:
            return
        lines = list(batch)
        batch.clear()
        work = self._decide(lines)
        if not self._settle():
            work = self._decide(lines)
        stored = work.stored_events()
        self.in_flight = (lines, work, self.writer.submit(self.ledger.log_recorder.copy_events, stored))

    def _decide(self, lines: list[tuple[int, ParsedLine]]) -> ImportBatch:
        work = ImportBatch(self.ledger, self.cache)
        work.apply_all(lines)
        return work

    def _writing(self) -> Future[None] | None:
        return None if self.in_flight is None else self.in_flight[2]

    def _settle(self) -> bool:
        """Wait for the batch in flight and the cost changes queued behind it: True if the batch
        landed, False if it was redone line by line (the changes saved after it)."""
        landed = self._settle_batch()
        self.costs.settle(self._saved)
        return landed

    def _settle_batch(self) -> bool:
        if self.in_flight is None:
            return True
        lines, work, writing = self.in_flight
        self.in_flight = None
        try:
            writing.result()
        except IntegrityError:
            self.cache.clear()
            self._one_by_one(lines)
            return False
        for number, reason in work.rejections:
            self.report.reject(number, reason)
        self.report.appended += work.appended
        self.report.repeated += work.repeated
        return True

    def _saved(self, number: int, outcome: Receipt | LedgerError) -> None:
        if isinstance(outcome, LedgerError):
            self.report.reject(number, outcome.message)
        else:
            self.report.repeated += outcome.repeated
            self.report.appended += 0 if outcome.repeated else 1

    def _one_by_one(self, lines: list[tuple[int, ParsedLine]]) -> None:
        for number, parsed in lines:
            if parsed.person_id is not None:
                self.cache.forget(parsed.person_id)
            try:
                self._saved(number, saved_alone(self.ledger, parsed))
            except LedgerError as refusal:
                self._saved(number, refusal)
