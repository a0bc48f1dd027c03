"""Idempotent writes: a repeat returns the first answer and appends nothing.

A key names one request: the stored record keeps a fingerprint binding the route, the person
and the body, so the same key sent with any of them different is refused. The fingerprint is
an HMAC, keyed by the deployment's secret, of the request's canonical JSON (pydantic's
``model_dump(mode="json")``, keys sorted, no spaces), never of a ``repr`` that a library upgrade
may change; it starts with the version of that form, so a later form can still check it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Repository
from pydantic import BaseModel

from commands.receipts import Receipt
from ledger.claims import IdempotencyRecord
from ledger.errors import IdempotencyKeyReused

FINGERPRINT_VERSION = "f1"


def canonical(value: Any) -> Any:
    """The JSON natives of a request: models as ``model_dump(mode="json")`` (subclass fields
    included), lists and dicts item by item."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", serialize_as_any=True)
    if isinstance(value, list | tuple):
        return [canonical(item) for item in value]
    if isinstance(value, dict):
        return {str(key): canonical(item) for key, item in value.items()}
    if isinstance(value, UUID):
        return str(value)
    return value


def fingerprint(secret: str, route: str, person_id: UUID | None, body: Any) -> str:
    """The keyed digest of a request: its route, the person it is for and its body."""
    request = {"version": FINGERPRINT_VERSION, "route": route,
               "person_id": canonical(person_id), "body": canonical(body)}
    text = json.dumps(request, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    digest = hmac.new(secret.encode(), text.encode(), hashlib.sha256).hexdigest()
    return f"{FINGERPRINT_VERSION}:{digest}"


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
    if not hmac.compare_digest(record.fingerprint, digest):
        raise IdempotencyKeyReused(
            "Idempotency-Key: already used for a different request", "Idempotency-Key"
        )
    return Receipt.from_answer(record.answer)
