"""Story reuse from the access log, and figures as they stood at an earlier ledger instant."""

from __future__ import annotations

from datetime import datetime, timedelta

from commands import Ledger
from commands.access_log import AccessLog, Read
from projections.calendar import Month
from projections.facts.runner import FiguresRunner
from projections.figures.outcomes import Question, outcomes
from tests.figures.borough import A, B, Rows
from tests.figures.scribe import at


def read_by(provider_id: str, when: datetime) -> Read:
    """A provider's permitted read of a story at ``when``."""
    return Read(role="provider", provider_id=provider_id, staff_id="s-1", reason=None,
                break_glass=False, outcome="permitted", at=when)


def test_story_reuse_counts_reads_by_the_receiver_before_first_contact(
    env: dict[str, str], built: FiguresRunner, rows: Rows
) -> None:
    """April: cmht read A's story before seeing A, and only hub read B's: reuse is 0.5.

    The reads are dated by their own ``at`` (March 2025), not by when they were stored (now).
    """
    with AccessLog(env=env) as log:
        log.record_read(A, read_by("cmht", at("2025-03-15T10:00")))
        log.record_read(B, read_by("hub", at("2025-03-30T10:00")))
    built.catch_up()
    assert rows("handoffs")[("2025-04", "cmht")]["story_reuse_rate"] == 0.5


def test_a_read_is_recorded_at_when_it_was_stored(env: dict[str, str], built: FiguresRunner) -> None:
    """The fact's ``recorded_at`` (what an as-of question filters on) is the stored timestamp."""
    with AccessLog(env=env) as log:
        log.record_read(A, read_by("cmht", at("2025-03-15T10:00")))
        stored = log.mapper.to_domain_event(log.recorder.select_notifications(0, 10)[-1]).timestamp
    built.catch_up()
    with built.view.datastore.transaction(commit=False) as curs:
        curs.execute(f'SELECT * FROM "{built.view.datastore.schema}".figures_story_reads')
        row = curs.fetchone()
    assert row is not None
    assert (row["person_id"], row["read_at"], row["recorded_at"]) == (
        A, at("2025-03-15T10:00"), stored)


def test_figures_as_of_an_instant_leave_out_later_entries(ledger: Ledger, built: FiguresRunner) -> None:
    """As of just before the late entry was recorded, hub supported nobody in March."""
    last = ledger.recorder.select_notifications(0, 1000)[-1]
    recorded = ledger.mapper.to_domain_event(last).timestamp
    question = Question("people-supported", Month(2025, 3), Month(2025, 3),
                        as_of=recorded - timedelta(microseconds=1))
    rows = outcomes(built.view, question, is_exact=True)["rows"]
    assert [(r["provider_id"], r["people"]) for r in rows] == [(None, 0)]

