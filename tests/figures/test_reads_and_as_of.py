"""Story reuse from the access log, and figures as they stood at an earlier ledger instant."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

from eventsourcing.application import Application
from eventsourcing.domain import AggregateCreated, AggregateEvent, BaseAggregate

from commands import Ledger
from projections.calendar import Month
from projections.facts.runner import FiguresRunner
from projections.figures.outcomes import Question, outcomes
from tests.figures.borough import A, B, Rows
from tests.figures.scribe import at


class FakeAccessLog(BaseAggregate[UUID]):
    """A stand-in for the API's access log: one stream of story reads."""

    TOPIC = "tests.FakeAccessLog"

    class Event(AggregateEvent):
        TOPIC = "tests.FakeAccessLog.Event"

    class Opened(AggregateCreated, Event):
        TOPIC = "tests.FakeAccessLog.Opened"

    class StoryRead(Event):
        TOPIC = "tests.FakeAccessLog.StoryRead"
        person_id: UUID
        provider_id: str
        read_at: datetime

    @classmethod
    def open(cls) -> FakeAccessLog:
        return cls._create(cls.Opened, id=uuid4())

    def read(self, person_id: UUID, provider_id: str, read_at: datetime) -> None:
        self.trigger_event(self.StoryRead, person_id=person_id, provider_id=provider_id,
                           read_at=read_at)


class AccessLog(Application[Any]):
    """An application named like the API's access log."""

    name = "access_log"


def test_story_reuse_counts_reads_by_the_receiver_before_first_contact(
    env: dict[str, str], built: FiguresRunner, rows: Rows
) -> None:
    """April: cmht read A's story before seeing A, and only hub read B's: reuse is 0.5."""
    with AccessLog(env=env) as log:
        stream = FakeAccessLog.open()
        stream.read(person_id=A, provider_id="cmht", read_at=at("2025-03-15T10:00"))
        stream.read(person_id=B, provider_id="hub", read_at=at("2025-03-30T10:00"))
        log.save(stream)
    built.catch_up()
    assert rows("handoffs")[("2025-04", "cmht")]["story_reuse_rate"] == 0.5


def test_figures_as_of_an_instant_leave_out_later_entries(ledger: Ledger, built: FiguresRunner) -> None:
    """As of just before the late entry was recorded, hub supported nobody in March."""
    last = ledger.recorder.select_notifications(0, 1000)[-1]
    recorded = ledger.mapper.to_domain_event(last).timestamp
    question = Question("people-supported", Month(2025, 3), Month(2025, 3),
                        as_of=recorded - timedelta(microseconds=1))
    rows = outcomes(built.view, question, is_exact=True)["rows"]
    assert [(r["provider_id"], r["people"]) for r in rows] == [(None, 0)]

