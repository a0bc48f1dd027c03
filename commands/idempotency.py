"""Idempotent writes: a repeat returns the first answer and appends nothing."""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Repository

from commands.receipts import Receipt
from ledger.claims import IdempotencyRecord
from ledger.errors import IdempotencyKeyReused


def fingerprint(request: Any, secret: bytes) -> str:
    """A keyed digest of the request, so a key reused for a different request is refused.

    Keyed by the deployment's secret (``Ledger.fingerprint_secret``, from its identity key): a
    request holds a person's name, birth date and NHS number, and a plain hash of it stored in
    the log would confirm a guess at them long after the person's key was destroyed."""
    text = json.dumps(request, sort_keys=True, default=str, separators=(",", ":"))
    return hmac.new(secret, text.encode(), hashlib.sha256).hexdigest()


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
