"""Told-once's maintained cells under random histories: self-assessments, assessments, story reads
before and after them, retractions, projected a few at a time (so a read often lands in a later
batch than what it changes): the cells answer as the figures computed on demand, cell by cell."""

from __future__ import annotations

import contextlib
import random
from datetime import UTC, datetime, timedelta
from uuid import UUID

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commands import Ledger
from commands.access_log import AccessLog, Read
from commands.person_writes import append_own
from ledger.errors import LedgerError
from ledger.event_lines import occurrence_of
from projections.calendar import Month, london_date
from projections.facts.runner import FiguresRunner
from projections.figures.outcomes import Question, outcomes
from replay.summary_check import compare_with_facts
from tests.figures.exact_figures import fresh_env
from tests.figures.scribe import Scribe
from tests.figures.summary_checks import SECRET, last_month

NOW = datetime.now(UTC).replace(microsecond=0)


def _act(ledger: Ledger, env: dict[str, str], rng: random.Random, person: UUID) -> None:
    scribe, n = Scribe(ledger), rng.randrange(7)
    when = NOW + timedelta(days=rng.randrange(-5, 100), hours=rng.randrange(24))
    provider = rng.choice(["hub", "cmht"])
    if n <= 1:
        when = NOW + timedelta(days=rng.randrange(-5, 30), hours=rng.randrange(24))
        data = {"self_assessment_id": f"sa{rng.randrange(10**6)}", "needs": ["housing"]}
        append_own(ledger, person, [occurrence_of("SelfAssessmentSubmitted", when, "self", "t-1", data)])
    elif n <= 3:
        scribe.event(person, "AssessmentRecorded", when.isoformat(), provider,
                     assessment_id=f"a{rng.randrange(10**6)}", needs=["housing"], risk="low")
    elif n <= 5:
        with AccessLog(env=env) as log:
            log.record_read(person, Read(role="provider", provider_id=provider, staff_id="s-1",
                                         reason=None, break_glass=False, outcome="allowed", at=when))
    else:
        retractable = sorted(ledger.story(person).facts.retractable)
        if retractable:
            scribe.retract(person, rng.choice(retractable), "hub", when.isoformat())


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                HealthCheck.too_slow])
@given(rng=st.randoms(use_true_random=False))
def test_told_once_cells_equal_the_figures_on_demand(database_url: str, rng: random.Random) -> None:
    """Exact and published, borough-wide and per provider, every month: maintained == on demand."""
    env = fresh_env(database_url)
    ledger = Ledger(env=env, clock=lambda: datetime.now(UTC) + timedelta(days=365))
    live = FiguresRunner(env, app=ledger, batch_size=rng.randrange(1, 6))
    live.projector.bulk_behind = 10**9  # every batch keeps the summaries up to date itself
    try:
        scribe = Scribe(ledger)
        for code, service in (("hub", "hub"), ("cmht", "cmht")):
            scribe.provider(code, "community", service, "40.00", "0", when="2024-12-01T09:00")
        people = [UUID(int=n + 1, version=4) for n in range(rng.randrange(2, 5))]
        for person in people:
            scribe.person(person, "hub", (NOW - timedelta(days=30)).isoformat())
        for _ in range(rng.randrange(20, 45)):
            with contextlib.suppress(LedgerError):
                _act(ledger, env, rng, rng.choice(people))
            if rng.random() < 0.4:
                live.catch_up()
        live.catch_up()
        first = Month.of(london_date(NOW - timedelta(days=40)))
        for provider in (None, "cmht"):
            for exact in (True, False):
                question = Question("told-once", first, last_month(live.view), provider)
                secret = None if exact else SECRET
                assert outcomes(live.view, question, exact, secret=secret) == \
                    outcomes(live.view, question, exact, secret=secret, on_demand=True)
        assert compare_with_facts(live.view) == []
    finally:
        live.stop()
        ledger.close()
