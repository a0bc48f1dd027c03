"""Parsing one event line (import format or API body) into a validated occurrence."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StrictStr, ValidationError

from ledger.catalogue import PERSON_EVENTS, PROVIDER_EVENTS, Occurrence
from ledger.errors import InvalidEvent
from ledger.payloads import Payload
from ledger.values import Identifier, Instant, check_born_by

MAX_LINE_BYTES = 1_000_000


class EventLine(BaseModel):
    """One line of the import format before its ``data`` is checked against the catalogue."""

    model_config = ConfigDict(extra="forbid")

    type: StrictStr
    person_id: UUID | None = None
    provider_id: Identifier
    staff_id: Identifier = "admin"
    occurred_at: Instant
    data: dict[str, Any] = Field(default_factory=dict)
    idempotency_key: str | None = Field(default=None, min_length=1, max_length=200)


class ParsedLine(BaseModel):
    """A line whose every field is valid: the occurrence, its person and its idempotency key."""

    occurrence: Occurrence
    person_id: UUID | None
    idempotency_key: str | None

    @property
    def is_provider_event(self) -> bool:
        """Whether the line belongs to the provider directory rather than a story."""
        return self.occurrence.type in PROVIDER_EVENTS


def first_error(error: ValidationError, prefix: tuple[str | int, ...] = ()) -> InvalidEvent:
    """The first validation error as a domain error naming the field at fault."""
    detail = error.errors(include_url=False)[0]
    field = ".".join(str(part) for part in (*prefix, *detail["loc"])) or "body"
    return InvalidEvent(f"{field}: {detail['msg']}", field)


def payload_of(type_: str, data: Any) -> Payload:
    """``data`` validated against the catalogue entry for ``type_``."""
    model = PERSON_EVENTS.get(type_) or PROVIDER_EVENTS.get(type_)
    if model is None:
        raise InvalidEvent(f"type: unknown event type {type_[:60]!r}", "type")
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise first_error(error, ("data",)) from None


def check_born(payload: Payload, occurred_at: datetime) -> None:
    """Refuse a birth date after the event (its ``__dict__`` read: pydantic's ``getattr`` of a
    field a payload lacks raises and catches an error, a fortieth of an import's time)."""
    birth_date = vars(payload).get("birth_date")
    if birth_date is not None:
        try:
            check_born_by(birth_date, occurred_at)
        except ValueError as error:
            raise InvalidEvent(f"data.birth_date: {error}", "data.birth_date") from None


def occurrence_of(
    type_: str, occurred_at: Any, provider_id: str, staff_id: str, data: Any
) -> Occurrence:
    """Validate ``data`` against the catalogue entry for ``type_``."""
    payload = payload_of(type_, data)
    occurrence = Occurrence(
        type=type_, occurred_at=occurred_at, provider_id=provider_id, staff_id=staff_id,
        payload=payload,
    )
    check_born(payload, occurrence.occurred_at)
    return occurrence


def checked_line(raw: str | bytes) -> tuple[EventLine, Payload]:
    """A line's envelope and payload, each field checked (and refused) as ``parse_line`` does,
    without the two models ``parse_line`` then builds of them (an import builds its own)."""
    if len(raw) > MAX_LINE_BYTES:
        raise InvalidEvent("line: longer than 1,000,000 bytes", "line")
    text = raw.decode("utf-8", errors="strict") if isinstance(raw, bytes) else raw
    if "\x00" in text or "\\u0000" in text:
        raise InvalidEvent("line: contains a NUL character", "line")
    try:
        line = EventLine.model_validate(json.loads(text))
    except json.JSONDecodeError as error:
        raise InvalidEvent(f"line: not valid JSON ({error.msg})", "line") from None
    except ValidationError as error:
        raise first_error(error) from None
    payload = payload_of(line.type, line.data)
    check_born(payload, line.occurred_at)
    if line.type in PERSON_EVENTS and line.person_id is None:
        raise InvalidEvent("person_id: required for a person's event", "person_id")
    return line, payload


def parse_line(raw: str | bytes) -> ParsedLine:
    """Parse one NDJSON line, refusing bad JSON, NUL bytes, unknown types and bad fields."""
    line, payload = checked_line(raw)
    occurrence = Occurrence(type=line.type, occurred_at=line.occurred_at,
                            provider_id=line.provider_id, staff_id=line.staff_id, payload=payload)
    return ParsedLine(
        occurrence=occurrence, person_id=line.person_id, idempotency_key=line.idempotency_key
    )
