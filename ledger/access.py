"""A person's access log: every read of their story, allowed or refused, on its own stream.

The log lives in its own application (``access_log``), so recording a read never contends
with the ledger's write lock. Its stream id is the person's id; the ``StoryRead`` events keep
the reader's provider and the time of the read, so a projection can tell whether a receiving
provider read the story between a referral and its first contact ("story reuse").
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from eventsourcing.domain import AggregateCreated, AggregateEvent, BaseAggregate

READ_TOPIC = "ledger.StoryAccessLog.StoryRead"


class StoryAccessLog(BaseAggregate[UUID]):
    """Who read one person's story, when, why and with what outcome."""

    TOPIC = "ledger.StoryAccessLog"

    class Event(AggregateEvent):
        """Base of every access-log event."""

        TOPIC = "ledger.StoryAccessLog.Event"

    class Started(AggregateCreated, Event):
        """The first read of a person's story opens their access log."""

        TOPIC = "ledger.StoryAccessLog.Started"

    class StoryRead(Event):
        """One read of the story: who (role, provider, staff), when, why, and the outcome."""

        TOPIC = READ_TOPIC
        role: str
        provider_id: str | None
        staff_id: str
        reason: str | None
        break_glass: bool
        outcome: str
        at: datetime

        def apply(self, aggregate: Any) -> None:
            """Count the read."""
            aggregate.reads += 1

    def __init__(self) -> None:
        self.reads = 0

    @classmethod
    def start(cls, person_id: UUID) -> StoryAccessLog:
        """Open a person's access log."""
        return cls._create(cls.Started, id=person_id)

    def record_read(self, **read: Any) -> None:
        """Add one read to the log."""
        self.trigger_event(self.StoryRead, **read)
