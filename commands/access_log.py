"""The access log application: records every read of a story, apart from the ledger's writes.

One stream per person (the person's id), so listing a person's reads is one stream read.
A read's reason (break-glass, relationship claim, analyst's audit purpose) is sealed under the
person's key by the ledger's own mapper (``commands.sealing``), from the ledger's key table, so it
goes with the person on erasure. A read is written as one entry whose version PostgreSQL picks
under the log's write lock (``commands.access_log_entries``): nothing is loaded or kept per
person, and concurrent reads of one story, in this process or another, never race for a
version. The events are the library's own (``ledger.access``), so the log reads as it always did.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any, ClassVar
from uuid import UUID

from eventsourcing.domain import datetime_now_with_tzinfo
from eventsourcing.persistence import Mapper

from commands.access_log_entries import Entry
from commands.configured import ConfiguredApplication
from commands.erasure_watch import DEFAULT_POLL_SECONDS, ErasureWatch
from commands.grouped_recorder import ACCESS_LOG_RECORDER_TOPIC
from commands.person_keys import PersonKeys
from commands.sealing import SealingMapper, ledger_keys
from ledger.access import StoryAccessLog


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
    erasure_watch: ErasureWatch | None = None

    def construct_mapper(self) -> Mapper[UUID]:
        """The ledger's sealing mapper, with the library's transcoder, cipher and compressor."""
        return self.factory.mapper(transcoder=self.construct_transcoder(),
                                   mapper_class=SealingMapper)

    def construct_recorder(self) -> Any:
        """The library's recorder; the mapper seals with the ledger's person keys, whose caches
        forget whoever is erased (``commands.erasure_watch``)."""
        recorder = super().construct_recorder()
        if isinstance(self.mapper, SealingMapper):
            self.mapper.keys = ledger_keys(recorder, self.env)
            every = float(self.env.get("LEDGER_ERASURE_POLL_SECONDS") or DEFAULT_POLL_SECONDS)
            self.erasure_watch = ErasureWatch(self.mapper.keys, lambda _erased: None, every)
        return recorder

    def share_keys(self, keys: PersonKeys) -> None:
        """Seal with the ledger's own handle on the key table (a server's): one cache of keys for
        both, so a read's entry finds the key its story was opened with, instead of asking again."""
        if isinstance(self.mapper, SealingMapper):
            self.mapper.keys = keys

    def close(self) -> None:
        """Stop the erasure watch, then close as the library does."""
        if self.erasure_watch is not None:
            self.erasure_watch.stop()
        super().close()

    def record_read(self, person_id: UUID, read: Read) -> int:
        """Add a read to the person's log (starting the log if it has none); answered only once
        the read is committed, with its position in the log."""
        now = datetime_now_with_tzinfo()
        event = StoryAccessLog.StoryRead(originator_id=person_id, originator_version=0,
                                         timestamp=now, **read.__dict__)
        started = StoryAccessLog.Started(originator_id=person_id, originator_version=0,
                                         timestamp=now, originator_topic=StoryAccessLog.TOPIC)
        entry = Entry(person_id, self.mapper.to_stored_event(event).state,
                      self.mapper.to_stored_event(started).state, read.break_glass,
                      read.provider_id, read.at)
        position: int = self.recorder.entries.write(entry)  # type: ignore[attr-defined]
        if self.erasure_watch is not None:
            self.erasure_watch.start()
        return position

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


def read_of(event: Any) -> Read:
    """The read an access-log event records."""
    return Read(**{name: getattr(event, name) for name in READ_FIELDS})
