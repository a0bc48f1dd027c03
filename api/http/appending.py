"""Appends that survive a race: without If-Match, an append lost to a concurrent writer is retried."""

from __future__ import annotations

import random
import time
from collections.abc import Sequence
from uuid import UUID

from commands import Ledger, Receipt
from ledger.catalogue import Occurrence
from ledger.errors import ConcurrentWrite

ATTEMPTS = 20


def append_retrying(
    ledger: Ledger, person_id: UUID, occurrences: Sequence[Occurrence],
    expected_version: int | None, idempotency_key: str | None,
) -> Receipt:
    """Append, reloading and trying again when another writer got to the story first.

    With an expected version the retry meets the moved-on story and answers ``StoryMovedOn``
    (412), so only callers who asked for "the end of the story, whatever it is" are retried
    into success. After ``ATTEMPTS`` lost races the conflict is answered (409).
    """
    for attempt in range(ATTEMPTS):
        try:
            return ledger.append(person_id, occurrences, expected_version, idempotency_key)
        except ConcurrentWrite:
            if attempt == ATTEMPTS - 1:
                raise
            time.sleep(random.uniform(0, 0.005 * (attempt + 1)))  # noqa: S311 (jitter only)
    raise AssertionError("unreachable")
