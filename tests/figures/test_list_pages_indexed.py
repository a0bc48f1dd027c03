"""A list's page reads the rows it shows, not the provider's whole list: each page's referrals come
from an index in the list's order, from the position on, with no sort of the list.

The borough here is small, so the planner would rather scan its few rows: sequential scans are
turned off for the plan, to see that a walk in the page's order exists at all (on a big store the
planner picks it itself; docs/scale.md has the plans at a million events).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

from psycopg.sql import SQL

from projections.facts.runner import FiguresRunner
from projections.worklists import pages
from projections.worklists.lists import tables

NOW = datetime(2025, 5, 1, tzinfo=UTC)
LIMIT = 2


def plan(built: FiguresRunner, template: str, condition: str | None,
         **params: Any) -> dict[str, Any]:
    """The executed plan (EXPLAIN ANALYZE, as JSON) of a page of two rows."""
    statement = pages.statement(tables(built.view), template, condition)
    values = {"reader": None, "since": NOW - timedelta(days=30), "limit": LIMIT, **params}
    with built.view.datastore.transaction(commit=False) as curs:
        curs.execute("SET LOCAL enable_seqscan = off")
        curs.execute(SQL("EXPLAIN (ANALYZE, FORMAT JSON) ") + statement, values)
        row = curs.fetchone()
    assert row is not None
    found: dict[str, Any] = next(iter(row.values()))[0]["Plan"]
    return found


def nodes(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """A plan node and every node beneath it."""
    yield node
    for child in node.get("Plans", ()):
        yield from nodes(child)


def paged_walks(node: dict[str, Any], index: str) -> list[dict[str, Any]]:
    """The scans of ``index`` beneath the page's limit (not the count's)."""
    limits = [n for n in nodes(node) if n["Node Type"] == "Limit"]
    return [n for n in nodes(limits[0]) if n.get("Index Name", "").endswith(index)] if limits else []


def test_a_waiting_list_page_walks_the_list_in_its_order(built: FiguresRunner) -> None:
    """The page's referrals: the first rows of the waiting list's own index, no sort."""
    found = plan(built, pages.WAITING, None, provider="cmht", after=None)
    assert [n["Actual Rows"] <= LIMIT for n in paged_walks(found, "worklist_referrals_2")] == [True]
    assert not [n for n in nodes(found) if n["Node Type"] == "Sort"]


def test_a_later_waiting_list_page_starts_at_its_position(built: FiguresRunner) -> None:
    """The position is a condition of the index walk, not a filter of the rows before it."""
    found = plan(built, pages.WAITING, pages.WAITING_AFTER, provider="cmht",
                 after=["3", "2025-01-01T00:00:00+00:00", "", ""])
    [walk] = paged_walks(found, "worklist_referrals_2")
    assert "ROW(" in walk["Index Cond"]


def test_a_caseload_page_walks_the_open_referrals_in_its_order(built: FiguresRunner) -> None:
    """The page's open referrals: the first rows of the open caseload's index."""
    found = plan(built, pages.CASELOAD, None, provider="cmht", on=date(2025, 4, 6), after=None)
    assert [n["Actual Rows"] <= LIMIT for n in paged_walks(found, "worklist_referrals_3")] == [True]
