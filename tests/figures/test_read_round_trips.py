"""A figures' read is one round trip to PostgreSQL: no ping at each borrow of a pooled connection
(only after it sat idle) and no BEGIN or ROLLBACK around a one-statement read. Counted on the wire
by a relay (``tests/wire_turns.py``); before, a list page took four."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from wire_turns import CountingRelay

from projections.facts.runner import FiguresRunner, build_view
from projections.facts.schema import FiguresView
from projections.worklists import pages

NOW = datetime(2025, 5, 1, tzinfo=UTC)


@pytest.fixture
def relayed_view(env: dict[str, str], built: FiguresRunner) -> Iterator[tuple[FiguresView, CountingRelay]]:
    """The built borough's figures, read through a counting relay over one pooled connection."""
    relay = CountingRelay(env["POSTGRES_HOST"], int(env["POSTGRES_PORT"]))
    view = build_view({**env, "POSTGRES_HOST": "127.0.0.1", "POSTGRES_PORT": str(relay.port),
                       "POSTGRES_POOL_SIZE": "1", "POSTGRES_MAX_OVERFLOW": "0", "CREATE_TABLE": "n"})
    pages.waiting_page(view, "cmht", None, NOW, None, 2)  # the connection made (not counted)
    yield view, relay
    view.datastore.close()
    relay.close()


def test_a_waiting_list_page_is_one_round_trip(relayed_view: tuple[FiguresView, CountingRelay]) -> None:
    view, relay = relayed_view
    with relay.counting() as turns:
        total, _ = pages.waiting_page(view, "cmht", None, NOW, None, 2)
    assert total > 0
    assert turns == [1]


def test_a_caseload_page_is_one_round_trip(relayed_view: tuple[FiguresView, CountingRelay]) -> None:
    view, relay = relayed_view
    with relay.counting() as turns:
        pages.caseload_page(view, "cmht", date(2025, 4, 6), None, NOW, None, 2)
    assert turns == [1]


def test_a_connection_idle_past_the_check_is_pinged_first(
        relayed_view: tuple[FiguresView, CountingRelay]) -> None:
    """After a second unused, the borrow pings (one more round trip) before the page's own."""
    view, relay = relayed_view
    time.sleep(1.1)
    with relay.counting() as turns:
        pages.waiting_page(view, "cmht", None, NOW, None, 2)
    assert turns == [2]
