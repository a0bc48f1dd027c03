"""Crash PostgreSQL under load (immediate stop, then start): the served ledger answers 503 while
the store is gone, never a 500, and carries on by itself once it is back; nothing lost or doubled,
in the log or in the figures."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from fault_writers import Tally, check_tally, probe, register_people, settle_probe, start_writers
from private_postgres import PrivatePostgres
from served_ledger import ServedLedger, ledger_served_in_new_schema

from api.deployment.database import store_env
from api.settings import Settings

SCHEMA = "crash"
ANSWER_WITHIN_SECONDS = 30


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
    served, tally = served_on_crashable, Tally()
    deadline = time.monotonic() + 150
    people = register_people(served.url, 6, tally, deadline)
    writers = start_writers(served.url, people, tally, deadline)
    time.sleep(1.0)
    crashable_postgres.crash()
    status, seconds = probe(served.url, people[0], tally)
    crashable_postgres.start()
    for writer in writers:
        writer.join()
    settle_probe(served.url, people[0], tally)
    assert (status, seconds < ANSWER_WITHIN_SECONDS) == (503, True), (status, seconds)
    assert 500 not in tally.statuses, tally.statuses
    assert not tally.refused, tally.refused[:5]
    assert len(tally.acknowledged) == 241
    figures = check_tally(store_env(crashable_postgres.url, Settings(schema_name=SCHEMA)), people, tally)
    print(f"\npostgres crash: probe {status} in {seconds:.1f}s {figures} answers={dict(tally.statuses)}")
