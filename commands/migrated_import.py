"""Importing history as it was recorded: each line stored at its own recording time, in order.

An operator migrating an earlier system's records (or loading the demo borough) has, for each
line, the instant it was first recorded. ``MigratedImport`` decides the lines as ``ledger import``
does (the same batch, the same rules, care relationships not asked: the operator is migrating),
but stamps every event with its line's recording time instead of the clock's, and writes them in
recording order, so that a story or a figure "as of" a past instant reads as it did then. The
import is marked in the audit log as a migration (action ``import_migrated``: how many lines,
which log positions, the earliest and latest recording times). Recording times must not go
backwards and never lie ahead of the clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from eventsourcing.persistence import StoredEvent

from commands.application import Ledger
from commands.audit_log import AuditLog
from commands.import_batch import ImportBatch
from commands.imported_stories import DEFAULT_MOST_BYTES, StoryCache, fewer_collections
from ledger.directory import Provider
from ledger.errors import InvalidEvent, LedgerError
from ledger.event_lines import ParsedLine, parse_line

RecordedLine = tuple[datetime, str]


def stamped(events: Iterable[Any], recorded_at: datetime) -> None:
    """Give events not yet stored the time they were first recorded."""
    for event in events:
        object.__setattr__(event, "timestamp", recorded_at)


class MigratedBatch(ImportBatch):
    """An import batch whose every event carries its own line's recording time."""

    def __init__(self, ledger: Ledger, cache: StoryCache, times: dict[int, datetime]) -> None:
        super().__init__(ledger, cache)
        self.times = times

    def apply_all(self, batch: list[tuple[int, ParsedLine]]) -> None:
        """Decide each line at its recording time."""
        self.look_up(batch)
        for number, parsed in batch:
            self.now = self.times[number]
            try:
                self._apply(parsed)
            except LedgerError as refusal:
                self.rejections.append((number, refusal.message))
                continue
            assert parsed.person_id is not None
            stamped(self.touched[parsed.person_id].pending_events[-1:], self.now)
            self.appended += 1

    def stored_events(self) -> list[StoredEvent]:
        """The batch's events in recording order (each story's stays in version order)."""
        aggregates: list[Any] = [*self.touched.values(), *self.claims.values()]
        events = sorted((e for a in aggregates for e in a.collect_events()), key=lambda e: e.timestamp)
        for story in self.touched.values():
            self.cache.keep(story)
        self.cache.recent_claims = {key: claim.person_id for key, claim in self.claims.items()
                                    if claim.person_id is not None}
        self.ledger.person_keys.ensure_uncached(self.touched)
        return [self.ledger.mapper.to_stored_event(event) for event in events]


class MigratedImport:
    """Appends recorded lines a batch at a time, each event at its line's recording time."""

    def __init__(self, ledger: Ledger, audit_log: AuditLog, batch_size: int = 1000,
                 cache_bytes: int = DEFAULT_MOST_BYTES) -> None:
        self.ledger, self.audit_log, self.batch_size = ledger, audit_log, batch_size
        self.cache = StoryCache(cache_bytes)
        self.appended = 0
        self.rejections: list[tuple[int, str]] = []
        self.first: datetime | None = None
        self.last: datetime | None = None

    def run(self, lines: Iterable[RecordedLine], operator: str = "operator") -> int:
        """Import every line in order; answers how many events were appended."""
        with fewer_collections():
            return self._run(lines, operator)

    def _run(self, lines: Iterable[RecordedLine], operator: str) -> int:
        start = int(self.ledger.recorder.max_notification_id() or 0)
        batch: list[tuple[int, ParsedLine]] = []
        times: dict[int, datetime] = {}
        for number, (recorded_at, raw) in enumerate(lines, start=1):
            self._check_time(number, recorded_at)
            try:
                parsed = parse_line(raw)
            except LedgerError as refusal:
                self.rejections.append((number, refusal.message))
                continue
            if parsed.is_provider_event:
                self._flush(batch, times)
                self._provider(parsed, recorded_at)
                continue
            batch.append((number, parsed))
            times[number] = recorded_at
            if len(batch) >= self.batch_size:
                self._flush(batch, times)
        self._flush(batch, times)
        end = int(self.ledger.recorder.max_notification_id() or 0)
        self.audit_log.record(operator, "admin", "import_migrated", {
            "lines": self.appended, "positions": [start + 1, end],
            "earliest": self.first.isoformat() if self.first else None,
            "latest": self.last.isoformat() if self.last else None})
        return self.appended

    def _check_time(self, number: int, recorded_at: datetime) -> None:
        if self.last is not None and recorded_at < self.last:
            raise InvalidEvent(f"line {number}: recorded before the line above it", "recorded_at")
        if recorded_at > self.ledger.clock():
            raise InvalidEvent(f"line {number}: recorded in the future", "recorded_at")
        self.first, self.last = self.first or recorded_at, recorded_at

    def _provider(self, parsed: ParsedLine, recorded_at: datetime) -> None:
        occurrence = parsed.occurrence
        if occurrence.type == "ProviderRegistered":
            provider = Provider.register(occurrence)
        else:
            provider = self.ledger.provider(occurrence.provider_id)
            provider.change_costs(occurrence)
        stamped(provider.pending_events, recorded_at)
        self.ledger.save(provider)
        self.appended += 1

    def _flush(self, batch: list[tuple[int, ParsedLine]], times: dict[int, datetime]) -> None:
        if not batch:
            return
        work = MigratedBatch(self.ledger, self.cache, times)
        work.apply_all(batch)
        self.ledger.log_recorder.copy_events(work.stored_events())
        self.appended += work.appended
        self.rejections.extend(work.rejections)
        batch.clear()
        times.clear()
