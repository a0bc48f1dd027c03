"""Pause PostgreSQL under load (SIGSTOP the postmaster and its backends, then SIGCONT): writes in
flight wait and land, a long pause is answered 503 rather than hanging, nothing lost or doubled
(in the log or in the figures)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from fault_writers import Tally, check_tally, probe, register_people, settle_probe, start_writers
from private_postgres import PrivatePostgres
from served_ledger import ServedLedger, ledger_served_in_new_schema

from api.deployment.database import store_env
from api.settings import Settings

SCHEMA = "pause"


@pytest.fixture
def served_on_pausable(crashable_postgres: PrivatePostgres) -> Iterator[ServedLedger]:
    """``ledger serve`` over a server of the test's own, with short waits for a connection."""
    with ledger_served_in_new_schema(crashable_postgres.url, SCHEMA, LEDGER_POOL_TIMEOUT="1",
                                     LEDGER_CONNECT_TIMEOUT="2", LEDGER_STATEMENT_TIMEOUT="5",
                                     LEDGER_REQUEST_DEADLINE="8") as server:
        yield server


def test_a_paused_store_is_waited_for_then_answered_503(
    served_on_pausable: ServedLedger, crashable_postgres: PrivatePostgres
) -> None:
    """Writers through a short and a long pause: no 500, the long pause ends in a 503, none lost."""
    served, tally = served_on_pausable, Tally()
    deadline = time.monotonic() + 150
    people = register_people(served.url, 6, tally, deadline)
    writers = start_writers(served.url, people, tally, deadline)
    time.sleep(0.5)
    frozen = crashable_postgres.pause()
    time.sleep(2)
    crashable_postgres.resume(frozen)
    time.sleep(0.5)
    frozen = crashable_postgres.pause()
    timer = threading.Timer(45, crashable_postgres.resume, args=(frozen,))
    timer.start()
    status, seconds = probe(served.url, people[0], tally)
    timer.cancel()
    crashable_postgres.resume(frozen)
    for writer in writers:
        writer.join()
    settle_probe(served.url, people[0], tally)
    print(f"\npostgres pause: probe {status} in {seconds:.1f}s answers={dict(tally.statuses)}")
    assert (status, seconds < 30) == (503, True), (status, seconds)
    assert 500 not in tally.statuses, tally.statuses
    assert not tally.refused, tally.refused[:5]
    figures = check_tally(store_env(crashable_postgres.url, Settings(schema_name=SCHEMA)), people, tally)
    print(f"postgres pause: {figures}")
