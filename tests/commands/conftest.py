"""Fixtures of the write side's tests: a person registered at the Hub."""

from __future__ import annotations

from uuid import UUID, uuid4

import pytest
from builders import provider, registration

from commands import Ledger


@pytest.fixture
def person(ledger: Ledger) -> UUID:
    """A registered person at the Hub."""
    ledger.register_provider(provider("hub"))
    person_id = uuid4()
    ledger.register_person(person_id, registration(1))
    return person_id
