"""Stored states decoded by ``projections.facts.state_decoding`` equal the library's decoding."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any
from uuid import uuid4

from eventsourcing.persistence import DatetimeAsISO, DecimalAsStr, JSONTranscoder, UUIDAsHex

from projections.facts.state_decoding import state_decoder

STATE: dict[str, Any] = {
    "timestamp": datetime(2026, 3, 29, 0, 30, tzinfo=UTC),
    "occurred_at": datetime(2026, 10, 25, 1, 15, tzinfo=UTC),
    "provider_id": "P-7",
    "data": {"referral_id": "R-1", "needs": ["housing", "care"], "cost": Decimal("12.50"),
             "person": uuid4(), "marker": {"sealed": "abc", "v": 1},
             "goals": [{"due": datetime(2027, 1, 1, tzinfo=UTC)}], "plain": {"_type_": "x"}},
}


def transcoder_as_applications_have_it() -> JSONTranscoder:
    transcoder = JSONTranscoder()
    for transcoding in (UUIDAsHex(), DecimalAsStr(), DatetimeAsISO()):
        transcoder.register(transcoding)
    return transcoder


def test_a_state_decodes_as_the_library_decodes_it() -> None:
    transcoder = transcoder_as_applications_have_it()
    stored = transcoder.encode(STATE)
    assert state_decoder(transcoder)(stored) == transcoder.decode(stored) == STATE


def test_a_state_orjson_refuses_is_decoded_by_the_library() -> None:
    transcoder = transcoder_as_applications_have_it()
    stored = transcoder.encode({**STATE, "data": {"big": 2**70}})
    assert state_decoder(transcoder)(stored)["data"]["big"] == 2**70
