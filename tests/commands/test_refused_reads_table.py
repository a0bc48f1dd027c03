"""The count of refused story reads: fixed windows, ended windows forgotten unless limited."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from psycopg.sql import SQL

from commands.access_log import AccessLog
from commands.refused_reads import RefusedReads

HOUR = timedelta(hours=1)
START = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
HOUSING = ("housing", "s-1")


@pytest.fixture
def table(env: dict[str, str]) -> Iterator[RefusedReads]:
    """The count beside the access log on the test's own schema."""
    app = AccessLog(env=env)
    yield app.recorder.refused  # type: ignore[attr-defined]
    app.close()


def count(table: RefusedReads, minutes: float, reader: tuple[str, str] = HOUSING) -> tuple[int, int]:
    """One refused read ``minutes`` after ``START``, with a limit of two an hour."""
    return table.count("provider", reader, START + timedelta(minutes=minutes), 2, HOUR)


def test_the_count_and_the_seconds_left_in_the_window(table: RefusedReads) -> None:
    assert [count(table, m) for m in (0, 30, 59.5)] == [(1, 3600), (2, 1800), (3, 30)]


def test_a_new_window_starts_a_new_count(table: RefusedReads) -> None:
    count(table, 10)
    count(table, 20)
    assert count(table, 60) == (1, 3600)


def test_an_ended_window_within_the_limit_is_forgotten(table: RefusedReads) -> None:
    count(table, 10)
    count(table, 70, ("debt", "s-1"))
    assert table.limited(None, None, None, 10) == []
    with table.datastore.transaction(commit=False) as curs:
        curs.execute(SQL("SELECT count(*) AS n FROM {}").format(table.table))
        assert curs.fetchone()["n"] == 1  # the new window's row only


def test_an_ended_window_past_the_limit_is_kept_with_when(table: RefusedReads) -> None:
    for minutes in (1, 2, 3, 4):
        count(table, minutes)
    count(table, 70, ("debt", "s-1"))
    [row] = table.limited(None, None, None, 10)
    assert (row["provider_id"], row["refused"], row["limited"]) == ("housing", 4, 2)
    assert (row["first_limited_at"], row["last_limited_at"]) == (START + timedelta(minutes=3),
                                                                 START + timedelta(minutes=4))
    assert (row["window_start"], row["window_end"]) == (START, START + HOUR)
