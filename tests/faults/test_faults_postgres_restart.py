"""Crash PostgreSQL under load (immediate stop, then start): the served ledger answers 503 while
the store is gone, never a 500, and carries on by itself once it is back; nothing lost or doubled,
in the log or in the figures."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from private_postgres import PrivatePostgres
from served_ledger import ServedLedger, ledger_served_in_new_schema
from store_outage import check_outage, writers_through_outage

SCHEMA = "crash"


@pytest.fixture
def served_on_crashable(crashable_postgres: PrivatePostgres) -> Iterator[ServedLedger]:
    """``ledger serve`` over the crashable server, with short waits for a connection."""
    with ledger_served_in_new_schema(crashable_postgres.url, SCHEMA, LEDGER_POOL_TIMEOUT="1",
                                     LEDGER_CONNECT_TIMEOUT="2") as server:
        yield server


def test_a_crashed_store_gets_503s_and_the_ledger_recovers_by_itself(
    served_on_crashable: ServedLedger, crashable_postgres: PrivatePostgres
) -> None:
    """Writers under load through an immediate stop and restart: 503 meanwhile, none lost."""
    with writers_through_outage(served_on_crashable.url) as outage:
        time.sleep(1.0)
        crashable_postgres.crash()
        outage.probe()
        crashable_postgres.start()
    figures = check_outage(outage, crashable_postgres.url, SCHEMA)
    assert len(outage.tally.acknowledged) == 241
    print(f"\npostgres crash: probe {outage.status} in {outage.seconds:.1f}s {figures} "
          f"answers={dict(outage.tally.statuses)}")
