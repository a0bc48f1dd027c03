"""Appends that survive a race: without If-Match, an append lost to a concurrent writer is retried."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from commands import Ledger, Receipt
from ledger.catalogue import Occurrence
from ledger.errors import ConcurrentWrite
from ledger.retrying import jittered, retrying

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
    return retrying(lambda: ledger.append(person_id, occurrences, expected_version, idempotency_key),
                    ConcurrentWrite, ATTEMPTS, jittered(0.005))
