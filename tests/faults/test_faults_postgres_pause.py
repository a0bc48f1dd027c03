"""Pause PostgreSQL under load (SIGSTOP the postmaster and its backends, then SIGCONT): writes in
flight wait and land, a long pause is answered 503 rather than hanging, nothing lost or doubled
(in the log or in the figures)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from private_postgres import PrivatePostgres
from served_ledger import ServedLedger, ledger_served_in_new_schema
from store_outage import check_outage, writers_through_outage

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
    with writers_through_outage(served_on_pausable.url) as outage:
        time.sleep(0.5)
        frozen = crashable_postgres.pause()
        time.sleep(2)
        crashable_postgres.resume(frozen)
        time.sleep(0.5)
        frozen = crashable_postgres.pause()
        timer = threading.Timer(45, crashable_postgres.resume, args=(frozen,))
        timer.start()
        outage.probe()
        timer.cancel()
        crashable_postgres.resume(frozen)
    print(f"\npostgres pause: probe {outage.status} in {outage.seconds:.1f}s "
          f"answers={dict(outage.tally.statuses)}")
    figures = check_outage(outage, crashable_postgres.url, SCHEMA)
    print(f"postgres pause: {figures}")
