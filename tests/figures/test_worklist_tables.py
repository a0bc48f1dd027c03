"""The list tables, kept up batch by batch (seven events a batch here, so retractions and late
entries land in later batches than what they change), equal the lists computed from the facts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest

from projections.facts.runner import FiguresRunner
from projections.figures.caseload import key_worker_caseload, people_on
from projections.figures.fact_reader import LiveFacts
from projections.figures.waiting_list import waiting_list
from projections.worklists import lists, pages
from tests.figures.borough import D

PROVIDERS = ("hub", "cmht", "rehab")
DAYS = (date(2025, 3, 1), date(2025, 3, 31), date(2025, 4, 6), date(2025, 5, 1))
NOW = datetime(2025, 5, 1, tzinfo=UTC)
Fetch = Callable[[list[str] | None, int], tuple[int, list[dict[str, Any]]]]


def every_page(fetch: Fetch, key: Callable[[dict[str, Any]], list[str]]) -> list[dict[str, Any]]:
    """All of a list's rows, two a page, each page after the last row's key; the total agrees."""
    rows: list[dict[str, Any]] = []
    after: list[str] | None = None
    while True:
        total, page = fetch(after, 2)
        rows += page
        if len(page) < 2:
            assert total == len(rows)
            return rows
        after = key(page[-1])


@pytest.mark.parametrize("provider", PROVIDERS)
def test_the_waiting_list_table_equals_the_definition(built: FiguresRunner, provider: str) -> None:
    """Same referrals waiting, same order of arrival."""
    defined = waiting_list(LiveFacts(built.view), provider, date(2025, 5, 1))
    kept = sorted(every_page(
        lambda after, limit: pages.waiting_page(built.view, provider, None, NOW, after, limit),
        lambda r: [str(r["rank"]), r["received_at"].isoformat(), str(r["person_id"]),
                   r["referral_id"]]), key=lambda r: (r["received_at"], str(r["person_id"]),
                                                      r["referral_id"]))
    assert [(str(r["person_id"]), r["referral_id"]) for r in kept] == [
        (w["person_id"], w["referral_id"]) for w in defined]


@pytest.mark.parametrize("day", DAYS)
@pytest.mark.parametrize("provider", PROVIDERS)
def test_the_caseload_table_equals_the_definition(built: FiguresRunner, provider: str,
                                                  day: date) -> None:
    """Same people on the caseload on each day."""
    kept = sorted((r["person_id"] for r in every_page(
        lambda after, limit: pages.caseload_page(built.view, provider, day, None, NOW, after, limit),
        lambda r: [r["received_on"].isoformat(), str(r["person_id"])])), key=str)
    assert kept == people_on(LiveFacts(built.view), provider, day)


@pytest.mark.parametrize("staff", ["k1", "k2"])
def test_the_key_worker_table_equals_the_definition(built: FiguresRunner, staff: str) -> None:
    """The Hub's k1 and k2 hold the people the facts say."""
    kept = [r["person_id"] for r in every_page(
        lambda after, limit: pages.key_worked_page(built.view, "hub", staff, None, NOW, after,
                                                   limit),
        lambda r: [str(r["person_id"])])]
    assert kept == key_worker_caseload(LiveFacts(built.view), "hub", staff)


def test_the_hub_may_read_the_person_it_key_works(built: FiguresRunner) -> None:
    """D's key work at the Hub is a current relationship, so the Hub may read D."""
    assert [r["person_id"] for r in lists.readable(built.view, "hub", NOW, [D])] == [D]
