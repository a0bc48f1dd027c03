"""Told once, exactly: an assessment within 90 days after a self-assessment, by a provider that
read the story after the self-assessment was recorded and before assessing. Hand-built cases,
with the ledger's clock ahead so that assessments can be dated after today's self-assessment."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

import pytest

from commands import Ledger
from commands.access_log import AccessLog, Read
from commands.person_writes import append_own
from ledger.event_lines import occurrence_of
from projections.calendar import Month, london_date
from projections.facts.runner import FiguresRunner
from projections.figures.outcomes import Question, outcomes
from tests.figures.scribe import Scribe

START = datetime.now(UTC).replace(hour=12, minute=0, second=0, microsecond=0) - timedelta(days=1)


@pytest.fixture
def ahead(env: dict[str, str]) -> Iterator[Ledger]:
    """A ledger whose clock runs a year ahead, with the hub and a community team."""
    app = Ledger(env=env, clock=lambda: datetime.now(UTC) + timedelta(days=365))
    scribe = Scribe(app)
    for code, service in (("hub", "hub"), ("cmht", "cmht")):
        scribe.provider(code, "community", service, "40.00", "0")
    yield app
    app.close()


def self_assessed(ledger: Ledger, sa_id: str = "sa-1") -> UUID:
    """A person registered by the hub who submits a self-assessment dated ``START``."""
    person = uuid4()
    Scribe(ledger).person(person, "hub", (START - timedelta(days=30)).isoformat())
    data = {"self_assessment_id": sa_id, "needs": ["housing"]}
    append_own(ledger, person, [occurrence_of("SelfAssessmentSubmitted", START, "self", "t-1", data)])
    return person


def assessed(ledger: Ledger, person: UUID, provider: str, days: float, assessment_id: str = "a-1") -> None:
    """An assessment by ``provider``, ``days`` after ``START``."""
    Scribe(ledger).event(person, "AssessmentRecorded", (START + timedelta(days=days)).isoformat(),
                         provider, assessment_id=assessment_id, needs=["housing"], risk="low")


def read(env: dict[str, str], person: UUID, provider: str, when: datetime) -> None:
    """A read of the story by ``provider`` staff at ``when``."""
    with AccessLog(env=env) as log:
        log.record_read(person, Read(role="provider", provider_id=provider, staff_id="s-1",
                                     reason=None, break_glass=False, outcome="allowed", at=when))


def row(env: dict[str, str], ledger: Ledger, days: float, provider: str | None = None) -> dict[str, Any]:
    """The told-once row of the month ``days`` after ``START``, borough-wide unless ``provider``."""
    runner = FiguresRunner(env, app=ledger)
    runner.catch_up()
    month = Month.of(london_date(START + timedelta(days=days)))
    body = outcomes(runner.view, Question("told-once", month, month), is_exact=True)
    runner.stop()
    return next(r for r in body["rows"] if r["provider_id"] == provider)


def test_a_read_between_self_assessment_and_assessment_counts(env: dict[str, str], ahead: Ledger) -> None:
    """cmht read the story a day after the self-assessment and assessed on day 10: told once."""
    person = self_assessed(ahead)
    read(env, person, "cmht", datetime.now(UTC) + timedelta(days=1))
    assessed(ahead, person, "cmht", 10)
    found = row(env, ahead, 10, "cmht")
    assert (found["assessments_after_self_assessment"], found["told_once"],
            found["told_once_rate"]) == (1, 1, 1.0)


def test_a_read_before_the_self_assessment_was_recorded_does_not(env: dict[str, str], ahead: Ledger) -> None:
    """A read an hour before the self-assessment was recorded saw nothing of it."""
    read(env, uuid4(), "cmht", datetime.now(UTC))  # the access log holds a read, so the rate is known
    before = datetime.now(UTC) - timedelta(hours=1)
    person = self_assessed(ahead)
    read(env, person, "cmht", before)
    assessed(ahead, person, "cmht", 10)
    found = row(env, ahead, 10, "cmht")
    assert (found["assessments_after_self_assessment"], found["told_once"],
            found["told_once_rate"]) == (1, 0, 0.0)


def test_a_read_after_the_assessment_does_not(env: dict[str, str], ahead: Ledger) -> None:
    """Reading the story once the assessment is done did not spare the person telling it."""
    person = self_assessed(ahead)
    assessed(ahead, person, "cmht", 10)
    read(env, person, "cmht", START + timedelta(days=11))
    assert row(env, ahead, 10, "cmht")["told_once"] == 0


def test_a_read_by_another_provider_does_not(env: dict[str, str], ahead: Ledger) -> None:
    """The hub read it; cmht assessed: cmht did not read it."""
    person = self_assessed(ahead)
    read(env, person, "hub", datetime.now(UTC) + timedelta(days=1))
    assessed(ahead, person, "cmht", 10)
    assert row(env, ahead, 10)["told_once"] == 0


@pytest.mark.parametrize(("days", "after"), [(90, 1), (91, 0)])
def test_the_window_is_90_days_by_date(env: dict[str, str], ahead: Ledger, days: int, after: int) -> None:
    """An assessment 90 days after follows the self-assessment; 91 days after does not."""
    person = self_assessed(ahead)
    read(env, person, "cmht", datetime.now(UTC) + timedelta(days=1))
    assessed(ahead, person, "cmht", days)
    found = row(env, ahead, days)
    assert (found["assessments_after_self_assessment"], found["told_once"]) == (after, after)


def test_an_assessment_before_the_self_assessment_does_not_follow_it(env: dict[str, str],
                                                                    ahead: Ledger) -> None:
    """Assessed a day before the self-assessment: nothing follows."""
    person = self_assessed(ahead)
    assessed(ahead, person, "cmht", -1)
    assert row(env, ahead, -1)["assessments_after_self_assessment"] == 0


def test_self_assessments_are_counted_borough_wide(env: dict[str, str], ahead: Ledger) -> None:
    """Two people's self-assessments in the month; the rate is unknown with no read at all."""
    self_assessed(ahead)
    self_assessed(ahead, "sa-2")
    found = row(env, ahead, 0)
    assert (found["self_assessments"], found["told_once_rate"]) == (2, None)
