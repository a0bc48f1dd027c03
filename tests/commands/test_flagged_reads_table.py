"""The flagged reads' table says what the access log says, from its first making."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

import psycopg
import pytest

from commands.access_log import AccessLog, Read
from commands.flagged_check import flagged_in_log

START = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def access_log(env: dict[str, str]) -> Iterator[AccessLog]:
    """The access log on the test's own schema."""
    app = AccessLog(env=env)
    yield app
    app.close()


def read(minute: int, provider: str, outcome: str) -> Read:
    """A read at ``START`` + ``minute``, flagged unless allowed plainly or refused."""
    flagged = outcome not in ("allowed", "refused")
    return Read(role="provider", provider_id=provider, staff_id="s-1",
                reason="an emergency at the front desk" if flagged else None, break_glass=flagged,
                outcome=outcome, at=START + timedelta(minutes=minute))


def reads_of_three_people(access_log: AccessLog) -> list[UUID]:
    """Twelve reads of three people by two providers in shuffled time; the even-numbered ones
    (at minutes 7, 11, 5, 1, 2, 4) are flagged."""
    people = [uuid4() for _ in range(3)]
    outcomes = ("allowed_break_glass", "allowed", "relationship_claim", "refused")
    for n, minute in enumerate((7, 3, 11, 0, 5, 9, 1, 10, 2, 8, 4, 6)):
        access_log.record_read(people[n % 3], read(minute, ("hub", "cmht-1")[n % 2], outcomes[n % 4]))
    return people


def test_the_report_lists_what_a_scan_of_the_log_lists(access_log: AccessLog) -> None:
    reads_of_three_people(access_log)
    assert access_log.flagged(None, None, None, 100) == flagged_in_log(access_log, None, None, None, 100)


def test_the_report_filters_by_provider_and_time_like_the_scan(access_log: AccessLog) -> None:
    reads_of_three_people(access_log)
    since, until = START + timedelta(minutes=2), START + timedelta(minutes=9)
    assert (access_log.flagged("hub", since, until, 100)
            == flagged_in_log(access_log, "hub", since, until, 100))


def test_the_newest_come_first_up_to_the_limit(access_log: AccessLog) -> None:
    reads_of_three_people(access_log)
    minutes = [int((r.at - START).total_seconds() // 60) for _, r in access_log.flagged(None, None, None, 3)]
    assert minutes == [11, 7, 5]  # the flagged: the even-numbered reads


def test_an_access_log_older_than_the_table_gets_it_filled_from_its_log(
        access_log: AccessLog, env: dict[str, str], database_url: str, schema: str) -> None:
    """A deployment upgraded with break-glass reads already made: the table is made from the log."""
    reads_of_three_people(access_log)
    expected = flagged_in_log(access_log, None, None, None, 100)
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute(f'DROP TABLE "{schema}".access_log_events_flagged')
    upgraded = AccessLog(env=env)
    try:
        assert upgraded.flagged(None, None, None, 100) == expected
    finally:
        upgraded.close()


def test_the_latest_reads_are_the_tail_of_every_read(access_log: AccessLog) -> None:
    """Read backwards from the stream's end, past a snapshot (every 50 reads), oldest first."""
    person = uuid4()
    for minute in range(60):
        access_log.record_read(person, read(minute, "hub", "allowed"))
    assert access_log.latest_reads(person, 5) == access_log.reads(person)[-5:]


def test_reads_made_at_one_instant_come_in_the_log_s_order_like_the_scan(
        access_log: AccessLog) -> None:
    """Two people's break-glass reads at the same instant (an import, a coarse clock): the scan
    keeps the log's order, and so must the table, whichever person's id sorts first; with a limit
    of one, the same read is kept."""
    low, high = sorted([uuid4(), uuid4()])
    for person in (high, low):
        access_log.record_read(person, read(3, "hub", "allowed_break_glass"))
    table = [[p for p, _ in access_log.flagged(None, None, None, n)] for n in (1, 2)]
    scan = [[p for p, _ in flagged_in_log(access_log, None, None, None, n)] for n in (1, 2)]
    assert table == scan == [[high], [high, low]]
