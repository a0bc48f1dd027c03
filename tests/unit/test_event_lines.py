"""Parsing one event line: a valid line becomes an occurrence; anything else is refused, naming the field."""

from __future__ import annotations

import json

import pytest
from import_lines import HUB, PERSON, REGISTERED, contact_line, line

from ledger.errors import InvalidEvent
from ledger.event_lines import MAX_LINE_BYTES, parse_line


def refusal(raw: str | bytes) -> tuple[str, str]:
    """The field a refused line names, and its message."""
    with pytest.raises(InvalidEvent) as refused:
        parse_line(raw)
    return refused.value.field, refused.value.message


def test_a_contact_line_becomes_an_occurrence_of_its_person() -> None:
    """Type, provider, person and payload are all carried over."""
    parsed = parse_line(contact_line("c-1"))
    assert (parsed.occurrence.type, parsed.occurrence.provider_id, str(parsed.person_id)) == (
        "ContactRecorded", "hub", PERSON)
    assert parsed.occurrence.payload.contact_id == "c-1"  # type: ignore[attr-defined]


def test_a_provider_line_needs_no_person() -> None:
    """ProviderRegistered belongs to the directory, not a story."""
    parsed = parse_line(HUB)
    assert parsed.is_provider_event
    assert parsed.person_id is None


def test_a_person_event_without_a_person_is_refused() -> None:
    """A registration must say whose story it starts."""
    body = json.loads(REGISTERED)
    del body["person_id"]
    assert refusal(json.dumps(body))[0] == "person_id"


def test_a_line_that_is_not_json_is_refused() -> None:
    """The line field names the fault."""
    field, message = refusal(b"{not json")
    assert field == "line"
    assert "not valid JSON" in message


@pytest.mark.parametrize("raw", ['{"type": "a\\u0000b"}', '{"type": "a\x00b"}'])
def test_a_nul_character_is_refused_raw_or_escaped(raw: str) -> None:
    """PostgreSQL cannot store NUL in text: refused before parsing."""
    assert refusal(raw) == ("line", "line: contains a NUL character")


def test_a_line_over_a_million_bytes_is_refused() -> None:
    """Refused by length alone, before any parsing."""
    assert refusal(b" " * (MAX_LINE_BYTES + 1))[0] == "line"


def test_an_unknown_event_type_is_refused() -> None:
    """Only the catalogue's types."""
    assert refusal(line("PersonTeleported", {}))[0] == "type"


def test_an_unknown_envelope_field_is_refused() -> None:
    """The envelope forbids extra fields."""
    assert refusal(line("ContactRecorded", {}, colour="blue"))[0] == "colour"


def test_a_bad_data_field_is_named_with_its_path() -> None:
    """A negative duration is refused as data.duration_minutes."""
    assert refusal(contact_line("c-1", duration_minutes=-5))[0] == "data.duration_minutes"


def test_a_time_without_an_offset_is_refused() -> None:
    """Every instant carries its offset."""
    assert refusal(line("ContactRecorded", {}, occurred_at="2025-01-06T09:00:00"))[0] == "occurred_at"


def test_an_empty_idempotency_key_is_refused() -> None:
    """A key, when given, has at least one character."""
    assert refusal(line("ContactRecorded", {}, idempotency_key=""))[0] == "idempotency_key"
