"""A process holds the person keys it read lately, not every key it ever read (issue 13: an
import of a million lines held its 91,000 people's keys to the end)."""

from __future__ import annotations

import time
from uuid import UUID

from commands import Ledger
from commands.person_keys import LEDGER_EVENTS, PersonKeys


def test_keys_read_before_the_cache_time_leave_as_new_ones_are_read(ledger: Ledger) -> None:
    """1,500 people's keys read, then after the cache time 1,500 others': 1,500 are held."""
    keys = PersonKeys(ledger.person_keys.datastore, LEDGER_EVENTS, cache_seconds=0.2)
    keys.ensure(UUID(int=number) for number in range(1, 1501))
    time.sleep(0.3)
    keys.ensure(UUID(int=number) for number in range(1501, 3001))
    assert len(keys._cache) == 1500
