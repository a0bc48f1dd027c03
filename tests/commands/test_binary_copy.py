"""The import's binary ``COPY``: stored bytes land exactly as given, and their links verify."""

from __future__ import annotations

from uuid import UUID, uuid4

import pytest
from eventsourcing.persistence import StoredEvent

from commands import Ledger
from replay.verify_chain import verify_chain

EVERY_BYTE = bytes(range(256)) + b"\\x00\\\t\n\r"  # what text COPY would have to escape
TOPIC = "tests.Copied"


@pytest.fixture
def stream(ledger: Ledger) -> UUID:
    """Two events of one stream, then one of another, copied in one batch."""
    first, second = uuid4(), uuid4()
    ledger.log_recorder.copy_events([
        StoredEvent(first, 1, TOPIC, EVERY_BYTE),
        StoredEvent(first, 2, TOPIC, EVERY_BYTE[::-1]),
        StoredEvent(second, 1, TOPIC, b""),
    ])
    return first


def test_copied_states_are_stored_byte_for_byte(ledger: Ledger, stream: UUID) -> None:
    """Every byte value, backslashes, tabs and newlines come back as they were sent."""
    stored = ledger.log_recorder.select_events(stream)
    assert [(e.originator_version, e.topic, e.state) for e in stored] == [
        (1, TOPIC, EVERY_BYTE), (2, TOPIC, EVERY_BYTE[::-1])]


def test_copied_links_verify_against_the_stored_bytes(ledger: Ledger, stream: UUID) -> None:
    """The links copied beside the events recompute from the stored rows."""
    report = verify_chain(ledger)
    assert (report.broken_at, report.events) == (None, 3)
