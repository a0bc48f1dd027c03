"""Kill the served ledger mid-write (SIGKILL at random moments) while writers keep sending:
every acknowledged event is stored exactly once, nothing unsent appears, the chain verifies, and
the served ledger's own projector (killed with it, mid-batch or not) resumes to the facts of a
from-scratch rebuild."""

from __future__ import annotations

import os
import random
import threading
import time
from collections.abc import Iterator

import pytest
from fault_writers import Tally, check_tally, register_people, start_writers
from served_ledger import ServedLedger, ledger_served

SOAK = os.environ.get("LEDGER_SOAK") == "1"
WRITERS, CONTACTS, KILLS = (8, 150, 40) if SOAK else (6, 40, 6)


@pytest.fixture
def served(database_url: str, schema: str) -> Iterator[ServedLedger]:
    """``ledger serve`` in its own process over the test's schema, providers registered."""
    with ledger_served(database_url, schema) as server:
        yield server


def kill_now_and_then(server: ServedLedger, writers: list[threading.Thread], kills: int) -> None:
    """SIGKILL the server after a random while, restart it at once; until the writers are done."""
    while any(w.is_alive() for w in writers) and server.kills < kills:
        time.sleep(random.uniform(0.2, 1.0))
        server.kill()
        server.start()


def test_killing_the_server_mid_write_loses_and_doubles_nothing(
    served: ServedLedger, env: dict[str, str]
) -> None:
    """Writers retry with the same key until acknowledged; after the kills: 0 lost, 0 doubled."""
    tally, deadline = Tally(), time.monotonic() + (900 if SOAK else 150)
    people = register_people(served.url, 8, tally, deadline)
    writers = start_writers(served.url, people, tally, deadline, WRITERS, CONTACTS)
    kill_now_and_then(served, writers, KILLS)
    for writer in writers:
        writer.join()
    assert not tally.refused, tally.refused[:5]
    assert len(tally.acknowledged) == WRITERS * CONTACTS, "writers ran out of time"
    figures = check_tally(env, people, tally)
    print(f"\nserver kill: kills={served.kills} {figures} answers={dict(tally.statuses)}")
    assert served.kills >= 1
