"""A story event's state rendered by orjson is, byte for byte, what the library's transcoder writes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from eventsourcing.persistence import DatetimeAsISO, DecimalAsStr, JSONTranscoder, UUIDAsHex
from hypothesis import given
from hypothesis import strategies as st

from commands.story_encoding import story_state
from ledger.catalogue import PERSON_EVENTS


def transcoder() -> JSONTranscoder:
    """The library's transcoder with the transcodings an application registers."""
    made = JSONTranscoder()
    for transcoding in (UUIDAsHex(), DecimalAsStr(), DatetimeAsISO()):
        made.register(transcoding)
    return made


TEXT = st.text(st.characters(exclude_categories=("Cs",)))
NATIVES = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70) | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=12)
INSTANTS = st.datetimes(timezones=st.sampled_from([UTC, timezone(timedelta(hours=1))]))


@given(INSTANTS, INSTANTS, TEXT, TEXT, st.dictionaries(TEXT, NATIVES, max_size=8))
def test_a_story_state_is_written_as_the_transcoder_writes_it(
        timestamp: datetime, occurred_at: datetime, provider_id: str, staff_id: str,
        data: dict[str, Any]) -> None:
    """Any text (control characters, quotes, beyond the BMP), integers past 64 bits, nesting."""
    state = {"timestamp": timestamp, "occurred_at": occurred_at, "provider_id": provider_id,
             "staff_id": staff_id, "data": data}
    assert story_state(transcoder(), state) == transcoder().encode(state)


def test_no_person_payload_holds_a_number_orjson_would_write_otherwise() -> None:
    """orjson writes some floats differently (1e-7 for 1e-07): none may reach a story's data."""
    for name, model in PERSON_EVENTS.items():
        assert '"number"' not in str(model.model_json_schema(mode="serialization")).replace(
            "'", '"'), name
