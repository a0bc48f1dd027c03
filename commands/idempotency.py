"""Idempotent writes: a repeat returns the first answer and appends nothing."""

from __future__ import annotations

import hashlib
import json
from typing import Any
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Repository

from commands.receipts import Receipt
from ledger.claims import IdempotencyRecord
from ledger.errors import IdempotencyKeyReused


def fingerprint(request: Any) -> str:
    """A digest of the request, so a key reused for a different request is refused."""
    text = json.dumps(request, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def earlier_answer(
    repository: Repository[UUID], key: UUID | None, digest: str
) -> Receipt | None:
    """The answer first given under this key, or None when the key is new."""
    if key is None:
        return None
    try:
        record: object = repository.get(key)
    except AggregateNotFoundError:
        return None
    assert isinstance(record, IdempotencyRecord)
    if record.fingerprint != digest:
        raise IdempotencyKeyReused(
            "Idempotency-Key: already used for a different request", "Idempotency-Key"
        )
    return Receipt.from_answer(record.answer)
