"""Writers at work on a served ledger while its PostgreSQL is taken away (crashed, paused): what
the tests of an outage of the store share, around the outage each brings about."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from uuid import UUID

from fault_writers import Tally, check_tally, probe, register_people, settle_probe, start_writers
from ledger_invariants import Figures

from api.deployment.database import store_env
from api.settings import Settings

ANSWER_WITHIN_SECONDS = 30


@dataclass
class Outage:
    """The people written to, what the writers were told, and the probe sent during the outage."""

    url: str
    people: list[UUID]
    tally: Tally
    status: int = 0
    seconds: float = 0.0

    def probe(self) -> None:
        """Send the probe once, now that the store is in trouble, and keep its answer and wait."""
        self.status, self.seconds = probe(self.url, self.people[0], self.tally)


@contextmanager
def writers_through_outage(url: str) -> Iterator[Outage]:
    """Six people registered and four writers at work on them for the block, which brings about
    the outage and sends the probe; after it, the writers finish and the probe is settled."""
    tally = Tally()
    deadline = time.monotonic() + 150
    people = register_people(url, 6, tally, deadline)
    writers = start_writers(url, people, tally, deadline)
    outage = Outage(url, people, tally)
    yield outage
    for writer in writers:
        writer.join()
    settle_probe(url, people[0], tally)


def check_outage(outage: Outage, database_url: str, schema: str) -> Figures:
    """The probe was answered 503 in time, no writer was answered 500 or refused for good, and the
    ledger holds what the writers were told (nothing lost or doubled); its figures."""
    status, seconds = outage.status, outage.seconds
    assert (status, seconds < ANSWER_WITHIN_SECONDS) == (503, True), (status, seconds)
    assert 500 not in outage.tally.statuses, outage.tally.statuses
    assert not outage.tally.refused, outage.tally.refused[:5]
    return check_tally(store_env(database_url, Settings(schema_name=schema)), outage.people,
                       outage.tally)
