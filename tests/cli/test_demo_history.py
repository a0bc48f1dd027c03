"""The demo borough loaded as history: its entries at their own recording times, marked as a
migration, so that "as of last month" differs from today; its key worker has people."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from api.cli.demo import demo_lines
from api.cli.demo_key_worker import busiest_key_worker, current_key_workers
from api.http.story_view import story_answer
from commands import Ledger
from commands.audit_log import AuditLog
from commands.migrated_import import MigratedImport
from projections.facts.runner import FiguresRunner
from projections.figures.caseload import key_worker_caseload
from projections.figures.fact_reader import LiveFacts

# The demo is made from the clock's day; a test borough of 600 people is pinned to one day. Not
# today: so few people leave the Hub key-working nobody on some days (the borough made on
# 1 September 2026, London, has none), when "My people" is empty whoever is chosen. The day is
# one on which the fixed hub-s-1 of before had nobody but the Hub's busiest key worker has people.
NOW = datetime(2026, 11, 30, 2, tzinfo=UTC)
LAST_MONTH = NOW - timedelta(days=31)


@pytest.fixture
def audit_log(env: dict[str, str]) -> Iterator[AuditLog]:
    """The audit log beside the test's ledger."""
    app = AuditLog(env=env)
    yield app
    app.close()


@pytest.fixture
def demo(ledger: Ledger, audit_log: AuditLog) -> Ledger:
    """A small demo borough, imported as history."""
    importer = MigratedImport(ledger, audit_log)
    assert importer.run(demo_lines(NOW, people=600), operator="demo") > 5000
    assert importer.rejections == []
    return ledger


def test_a_story_as_of_last_month_is_shorter_than_today(demo: Ledger) -> None:
    """Entries recorded this month are missing from the story as it stood a month ago."""
    page = demo.recorder.select_notifications(0, 100_000, topics=["ledger.PersonStory.PersonRegistered"])
    stories = [demo.story(n.originator_id) for n in page[-400:]]
    grown = [s for s in stories if s.entries[0].recorded_at <= LAST_MONTH
             and story_answer(s, LAST_MONTH, None).version < s.version]
    assert grown
    assert all(e.recorded_at <= LAST_MONTH for e in story_answer(grown[0], LAST_MONTH, None).events)


def test_entries_keep_their_simulated_recording_times(demo: Ledger) -> None:
    """A registration from the borough's first year was recorded then, not at load time."""
    first = demo.recorder.select_notifications(0, 200, topics=["ledger.PersonStory.PersonRegistered"])[0]
    entry = demo.story(first.originator_id).entries[0]
    assert entry.recorded_at < NOW - timedelta(days=300)


def test_the_import_is_marked_as_a_migration(demo: Ledger, audit_log: AuditLog) -> None:
    """The audit log says which positions were migrated and over which recording times."""
    marks = [e for e in audit_log.entries() if e.action == "import_migrated"]
    assert len(marks) == 1
    assert marks[0].details["positions"][1] == demo.recorder.max_notification_id()


def test_the_demo_key_worker_has_people(demo: Ledger, env: dict[str, str]) -> None:
    """The key worker whose sign-in link the demo prints key-works people today."""
    runner = FiguresRunner(env, app=demo)
    runner.catch_up()
    assert key_worker_caseload(LiveFacts(runner.view), "hub", busiest_key_worker(demo))


def test_the_demo_key_worker_key_works_the_most_at_the_hub(demo: Ledger, env: dict[str, str]) -> None:
    """No Hub staff member has more people, by the figures' own caseload."""
    runner = FiguresRunner(env, app=demo)
    runner.catch_up()
    staff = {w[1] for w in current_key_workers(demo).values() if w is not None and w[0] == "hub"}
    sizes = {s: len(key_worker_caseload(LiveFacts(runner.view), "hub", s)) for s in staff}
    assert sizes[busiest_key_worker(demo)] == max(sizes.values())
