"""Bulk import: many lines per transaction; a rejected line writes nothing, valid lines land."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

from eventsourcing.persistence import IntegrityError

from commands.application import Ledger
from commands.import_batch import ImportBatch
from commands.imported_stories import StoryCache, fewer_collections
from commands.line_checking import LineCheckers
from ledger.checked_lines import NumberedLine, parsed_from
from ledger.errors import LedgerError
from ledger.event_lines import ParsedLine, occurrence_of


@dataclass
class ImportReport:
    """How an import went: events appended, repeats skipped, and each rejected line's reason."""

    appended: int = 0
    repeated: int = 0
    rejections: list[tuple[int, str]] = field(default_factory=list)


class BulkImport:
    """Appends an NDJSON stream in batches, falling back to one line at a time on a conflict.

    Lines are parsed and validated in ``workers`` other processes (``commands.line_checking``;
    none: in this one), in the file's order. Batches are pipelined: while one batch is written
    (in a writer thread, under the log's lock), the next is decided in memory. If the write
    loses a race, that batch is redone one line at a time and the next is decided again on the
    stories as stored.
    """

    def __init__(self, ledger: Ledger, batch_size: int = 1000, cache_size: int = 100_000,
                 workers: int = 0) -> None:
        self.ledger = ledger
        self.checkers = LineCheckers(workers)
        self.batch_size = batch_size
        self.cache = StoryCache(cache_size)
        self.report = ImportReport()
        self.in_flight: tuple[list[tuple[int, ParsedLine]], ImportBatch, Future[None]] | None = None
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
                for number, text, valid in verdicts:
                    if not valid:
                        self.report.rejections.append((number, text))
                        continue
                    parsed = parsed_from(text)
                    if parsed.is_provider_event:
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

    def _settle(self) -> bool:
        """Wait for the batch in flight: True if it landed, False if it was redone line by line."""
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
        self.report.rejections.extend(work.rejections)
        self.report.appended += work.appended
        self.report.repeated += work.repeated
        return True

    def _one_by_one(self, lines: list[tuple[int, ParsedLine]]) -> None:
        for number, parsed in lines:
            try:
                self.report.appended += self._apply_alone(parsed)
            except LedgerError as refusal:
                self.report.rejections.append((number, refusal.message))

    def _apply_alone(self, parsed: ParsedLine) -> int:
        occurrence, key = parsed.occurrence, parsed.idempotency_key
        if key is not None:  # the key's fingerprint covers the payload, which a checked line lacks
            occurrence = occurrence_of(occurrence.type, occurrence.occurred_at,
                                       occurrence.provider_id, occurrence.staff_id, occurrence.data())
        if occurrence.type == "ProviderRegistered":
            receipt = self.ledger.register_provider(occurrence, key)
        elif occurrence.type == "ProviderCostsChanged":
            receipt = self.ledger.change_provider_costs(occurrence, key)
        elif occurrence.type == "PersonRegistered":
            assert parsed.person_id is not None
            self.cache.forget(parsed.person_id)
            receipt = self.ledger.register_person(parsed.person_id, occurrence, key)
        else:
            assert parsed.person_id is not None
            self.cache.forget(parsed.person_id)
            receipt = self.ledger.append(parsed.person_id, [occurrence], idempotency_key=key,
                                         migrating=True)  # an import asks no care relationship
        self.report.repeated += receipt.repeated
        return 0 if receipt.repeated else 1
