"""Idempotent writes: a repeat returns the first answer and appends nothing.

A key names one request: the stored record keeps a fingerprint binding the route, the person
and the body, so the same key sent with any of them different is refused. The fingerprint is
an HMAC, keyed by the deployment's secret, of the request's canonical JSON (pydantic's
``model_dump(mode="json")``, keys sorted, no spaces), never of a ``repr`` that a library upgrade
may change; it starts with the version of that form, so a later form can still check it.

The fingerprint is stored sealed under the person's key (``commands.sealed_fields``), beside an
*outline*: the same HMAC of the request with its sealed text (names, summaries, reasons) left
out. Once the person is erased the fingerprint is gone with their key, and only the outline is
compared: a request differing in anything the erasure left is still refused, and one differing
at most in the erased text gets one answer whatever its text, so that no guess at the erased text
can be confirmed (``docs/decisions.md``): refused as any write of text into an erased story is,
when it gives sealed text, else the first answer.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from pydantic import BaseModel

from commands.erased_writes import lost, sealed_given
from commands.receipts import Receipt
from ledger.catalogue import Occurrence
from ledger.claims import idempotency_key_id
from ledger.errors import IdempotencyKeyReused
from ledger.identity import reseal

FINGERPRINT_VERSION = "f1"
OUTLINE_VERSION = "o1"


@dataclass(frozen=True)
class KeyedRequest:
    """A request sent under an idempotency key (``key`` None when it was sent without one)."""

    key: UUID | None
    fingerprint: str = ""
    outline: str = ""
    sealed: tuple[tuple[int, str], ...] = ()  # the sealed fields it gives: (event number, field)
    batch: bool = False  # several events: a refusal names ``events.<n>.``


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


def without_text(value: Any) -> Any:
    """A canonical request with every event's sealed fields set to null (given or not)."""
    if isinstance(value, list):
        return [without_text(item) for item in value]
    if not isinstance(value, dict):
        return value
    if isinstance(value.get("type"), str) and isinstance(value.get("payload"), dict):
        return {**value, "payload": reseal(value["type"], value["payload"], lambda _f, _v: None)}
    return {key: without_text(item) for key, item in value.items()}


def digest(secret: str, version: str, route: str, person_id: UUID | None, body: Any) -> str:
    """The keyed digest of a canonical request: its route, the person it is for and its body."""
    request = {"version": version, "route": route, "person_id": canonical(person_id), "body": body}
    text = json.dumps(request, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return f"{version}:{hmac.new(secret.encode(), text.encode(), hashlib.sha256).hexdigest()}"


def fingerprint(secret: str, route: str, person_id: UUID | None, body: Any) -> str:
    """The keyed digest of a whole request."""
    return digest(secret, FINGERPRINT_VERSION, route, person_id, canonical(body))


def outline(secret: str, route: str, person_id: UUID | None, body: Any) -> str:
    """The keyed digest of a request with its sealed text left out."""
    return digest(secret, OUTLINE_VERSION, route, person_id, without_text(canonical(body)))


def keyed_request(secret: str, scope: str, key: str | None, route: str, person_id: UUID | None,
                  body: Any) -> KeyedRequest:
    """A request's key (scoped to who sent it), its fingerprint and outline, and its sealed text."""
    if key is None:
        return KeyedRequest(None)
    events = [body] if isinstance(body, Occurrence) else list(body.get("events", []))
    sealed = tuple((n, field) for n, event in enumerate(events) for field in sealed_given(event))
    plain = canonical(body)  # made once for both digests
    return KeyedRequest(idempotency_key_id(scope, key),
                        digest(secret, FINGERPRINT_VERSION, route, person_id, plain),
                        digest(secret, OUTLINE_VERSION, route, person_id, without_text(plain)),
                        sealed, len(events) > 1)


def repeat_of(record: Any, request: KeyedRequest, erased: bool) -> Receipt:
    """The answer to ``request`` under the key that ``record`` answered first, or the refusal.

    ``erased``: the person the record names was erased (its fingerprint is then None, or, in a
    record stored before fingerprints were sealed, no longer to be compared).
    """
    answer = Receipt.from_answer(record.answer)
    whole = record.fingerprint if isinstance(record.fingerprint, str) else None
    if whole is not None and not erased:
        if not hmac.compare_digest(whole, request.fingerprint):
            raise reused()
        return answer
    if record.outline is not None and not hmac.compare_digest(record.outline, request.outline):
        raise reused()
    if request.sealed:  # right or wrong, its text is refused as a new write's would be
        raise lost(*request.sealed[0], batch=request.batch)
    return answer


def reused() -> IdempotencyKeyReused:
    """The refusal of a key already used for a different request."""
    return IdempotencyKeyReused("Idempotency-Key: already used for a different request",
                                "Idempotency-Key")
