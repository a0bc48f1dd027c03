"""Kill the served ledger mid-write (SIGKILL at random moments) while writers keep sending:
every acknowledged event is stored exactly once, nothing unsent appears, the chain verifies, and
the served ledger's own projector (killed with it, mid-batch or not) resumes to the facts of a
from-scratch rebuild.

The work is bounded by count, not by the clock: the writers send a fixed number of appends, and
the kills are spread over them by progress (one within each share of them acknowledged), each
while appends are in flight. A loaded machine (the suite's own ``-n 2``) makes the run slower,
never shorter of writes or kills; the deadline only stops a run that is stuck.
"""

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
STUCK_AFTER_SECONDS = 3600 if SOAK else 900  # a run this long is stuck, however loaded the machine


@pytest.fixture
def served(database_url: str, schema: str) -> Iterator[ServedLedger]:
    """``ledger serve`` in its own process over the test's schema, providers registered."""
    with ledger_served(database_url, schema) as server:
        yield server


def writing(writers: list[threading.Thread]) -> bool:
    """Whether any writer is still sending."""
    return any(w.is_alive() for w in writers)


def kill_mid_write(server: ServedLedger, writers: list[threading.Thread], tally: Tally,
                   kills: int) -> list[int]:
    """SIGKILL the server ``kills`` times, spread over the writes: the k-th kill once a random
    count in the last half of the k-th 1/(kills + 1) of them has been acknowledged, at a moment
    when appends are in flight; restart it at once (ready when its health check answers). Answers
    how many appends were in flight at each kill."""
    share, in_flight = WRITERS * CONTACTS // (kills + 1), list[int]()
    targets = [share * (k + 1) - random.randrange(share // 2) for k in range(kills)]
    while writing(writers) and len(in_flight) < kills:
        if len(tally.acknowledged) < targets[len(in_flight)] or tally.in_flight == 0:
            time.sleep(0.002)
            continue
        in_flight.append(tally.in_flight)
        server.kill()
        server.start()
    return in_flight


def test_killing_the_server_mid_write_loses_and_doubles_nothing(
    served: ServedLedger, env: dict[str, str]
) -> None:
    """Writers retry with the same key until acknowledged; after the kills: 0 lost, 0 doubled."""
    tally, deadline = Tally(), time.monotonic() + STUCK_AFTER_SECONDS
    people = register_people(served.url, 8, tally, deadline)
    writers = start_writers(served.url, people, tally, deadline, WRITERS, CONTACTS)
    in_flight = kill_mid_write(served, writers, tally, KILLS)
    for writer in writers:
        writer.join()
    assert not tally.refused, tally.refused[:5]
    assert len(tally.acknowledged) == WRITERS * CONTACTS, f"stuck: no end in {STUCK_AFTER_SECONDS} s"
    assert len([n for n in in_flight if n > 0]) == KILLS, f"kills with appends in flight: {in_flight}"
    figures = check_tally(env, people, tally)
    print(f"\nserver kill: kills={served.kills} in flight at each={in_flight} {figures} "
          f"answers={dict(tally.statuses)}")
