"""The access log application: records every read of a story, apart from the ledger's writes.

One stream per person (the person's id), so listing a person's reads is one stream read.
A read's reason (break-glass, relationship claim, analyst's audit purpose) is sealed under the
person's key by the ledger's own mapper (``commands.sealing``), from the ledger's key table, so it
goes with the person on erasure. Concurrent reads of the same story race for the next version:
the loser reloads and tries again, so a read never fails because another read happened at the
same moment. The log last saved for each person is kept (``commands.kept_access_logs``), so a
read of a story read lately here loads nothing: the next read is built at the kept version + 1
and saved; only when that version is taken (another process read the story meanwhile) is the log
reloaded. Snapshots every 50 reads keep a reload short however often a story is read.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any, ClassVar
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.domain import Snapshot
from eventsourcing.persistence import IntegrityError, Mapper

from commands.configured import ConfiguredApplication
from commands.erasure_watch import DEFAULT_POLL_SECONDS, ErasureWatch
from commands.grouped_recorder import ACCESS_LOG_RECORDER_TOPIC
from commands.kept_access_logs import DEFAULT_SIZE, KeptAccessLogs
from commands.sealing import SealingMapper, ledger_keys
from ledger.access import StoryAccessLog
from ledger.errors import ConcurrentWrite
from ledger.retrying import jittered, retrying

ATTEMPTS = 30


@dataclass(frozen=True)
class Read:
    """One read of a story as the access log shows it."""

    role: str
    provider_id: str | None
    staff_id: str
    reason: str | None
    break_glass: bool
    outcome: str
    at: datetime

    def as_answer(self) -> dict[str, Any]:
        """The read as JSON natives."""
        return {**self.__dict__, "at": self.at.isoformat()}


READ_FIELDS = tuple(field.name for field in fields(Read))


class AccessLog(ConfiguredApplication):
    """Every read of every person's story, one stream per person."""

    name = "access_log"
    env: ClassVar[dict[str, str]] = {"APPLICATION_RECORDER_TOPIC": ACCESS_LOG_RECORDER_TOPIC}
    snapshotting_intervals = {StoryAccessLog: 50}  # noqa: RUF012 (the library's class attribute)
    snapshot_class = Snapshot  # without it the 50th read of a story failed (500) and every one after
    kept: KeptAccessLogs
    erasure_watch: ErasureWatch | None = None

    def construct_mapper(self) -> Mapper[UUID]:
        """The ledger's sealing mapper, with the library's transcoder, cipher and compressor."""
        return self.factory.mapper(transcoder=self.construct_transcoder(),
                                   mapper_class=SealingMapper)

    def construct_recorder(self) -> Any:
        """The library's recorder; the mapper seals with the ledger's person keys, and the kept
        logs (``LEDGER_ACCESS_LOG_CACHE_SIZE`` people) forget whoever those keys say was erased."""
        recorder = super().construct_recorder()
        self.kept = KeptAccessLogs(int(self.env.get("LEDGER_ACCESS_LOG_CACHE_SIZE") or DEFAULT_SIZE))
        if isinstance(self.mapper, SealingMapper):
            self.mapper.keys = ledger_keys(recorder, self.env)
            every = float(self.env.get("LEDGER_ERASURE_POLL_SECONDS") or DEFAULT_POLL_SECONDS)
            self.erasure_watch = ErasureWatch(self.mapper.keys, self.kept.forget, every)
        return recorder

    def close(self) -> None:
        """Stop the erasure watch, then close as the library does."""
        if self.erasure_watch is not None:
            self.erasure_watch.stop()
        super().close()

    def record_read(self, person_id: UUID, read: Read) -> int:
        """Add a read to the person's log, retrying when another read got there first; answered
        only once the read is committed."""
        def attempt() -> int:
            mark = self.kept.mark()  # an erasure from now on refuses this log's keeping
            log = self.kept.copy_of(person_id) or self._log(person_id)
            log.record_read(**read.__dict__)
            try:
                position = self.save(log)[-1].notification.id
            except IntegrityError:
                self.kept.drop(person_id)  # behind the log: the next attempt reloads it
                raise
            self.kept.keep(log, since=mark)
            if self.erasure_watch is not None:
                self.erasure_watch.start()
            return position

        try:
            return retrying(attempt, IntegrityError, ATTEMPTS, jittered(0.002))
        except IntegrityError:
            message = "access log: too many concurrent reads, try again"
            raise ConcurrentWrite(message, "access_log") from None

    def reads(self, person_id: UUID) -> list[Read]:
        """Every read of the person's story, oldest first."""
        events = self.repository.event_store.get(person_id)
        return [Read(**{name: getattr(e, name) for name in READ_FIELDS})
                for e in events if isinstance(e, StoryAccessLog.StoryRead)]

    def latest_reads(self, person_id: UUID, count: int) -> list[Read]:
        """The person's ``count`` latest reads, oldest first: the stream read backwards from its
        end, so the cost is the count, not every read ever made of the story."""
        events = self.repository.event_store.get(person_id, desc=True, limit=count)
        return [read_of(e) for e in reversed(list(events)) if isinstance(e, StoryAccessLog.StoryRead)]

    def flagged(self, provider_id: str | None, since: datetime | None, until: datetime | None,
                limit: int) -> list[tuple[UUID, Read]]:
        """Break-glass reads and relationship claims across people, newest first: the flagged
        reads' table walked to the limit, only those reads decoded (``commands.flagged_reads``)."""
        table = self.recorder.flagged  # type: ignore[attr-defined]
        stored = table.stored(table.newest(provider_id, since, until, limit))
        return [(event.originator_id, read_of(self.mapper.to_domain_event(event)))
                for event in stored]

    def _log(self, person_id: UUID) -> StoryAccessLog:
        try:
            log: object = self.repository.get(person_id)
        except AggregateNotFoundError:
            return StoryAccessLog.start(person_id)
        assert isinstance(log, StoryAccessLog)
        return log


def read_of(event: Any) -> Read:
    """The read an access-log event records."""
    return Read(**{name: getattr(event, name) for name in READ_FIELDS})
