"""Fixtures of the write side's tests: a person registered at the Hub, and a second Ledger on the
test's schema that talks to PostgreSQL through a relay on the wire (``relay``, ``relayed``)."""

from __future__ import annotations

from collections.abc import Iterator
from uuid import UUID

import pytest
from builders import registered_at_hub
from wire_turns import CountingRelay

from commands import Ledger
from ledger.idle_checks import check_when_idle


@pytest.fixture
def person(ledger: Ledger) -> UUID:
    """A registered person at the Hub."""
    return registered_at_hub(ledger)


@pytest.fixture
def relay(env: dict[str, str]) -> Iterator[CountingRelay]:
    """A counting relay to the test's PostgreSQL."""
    counting = CountingRelay(env["POSTGRES_HOST"], int(env["POSTGRES_PORT"]))
    yield counting
    counting.close()


@pytest.fixture
def relayed(env: dict[str, str], relay: CountingRelay, ledger: Ledger) -> Iterator[Ledger]:
    """A second Ledger on the test's schema (made by ``ledger``), talking through the relay over
    one connection, which is never pinged, and without the erasure watch's polls meanwhile."""
    app = Ledger(env={**env, "POSTGRES_HOST": "127.0.0.1", "POSTGRES_PORT": str(relay.port),
                      "POSTGRES_POOL_SIZE": "1", "POSTGRES_MAX_OVERFLOW": "0",
                      "LEDGER_ERASURE_POLL_SECONDS": "3600"})
    app.recorder.datastore.pool._check = check_when_idle(3600)  # type: ignore[attr-defined]
    yield app
    app.close()
