"""A story event's state as the library's JSON transcoder writes it, rendered by orjson.

An import encodes every event it appends, and the library's transcoder (``json``'s encoder, with a
Python callback for each instant) was a tenth of the importer's CPU. orjson writes the same bytes
for what a story event holds: compact separators, text left unescaped but for quotes, backslashes
and control characters (checked for every code point), integers, booleans and null, and the
instants handed to the transcoder's own ``default`` (``OPT_PASSTHROUGH_DATETIME``), which makes
them ``{"_type_": "datetime_iso", "_data_": ...}`` as it always has. Two things orjson writes
differently never reach it: a float (no person payload has a number field, tested) and a UUID (a
story's data is stored as JSON natives). Whatever orjson refuses (an integer past 64 bits, a lone
surrogate, a type the transcoder has no transcoding for) goes to the transcoder itself, which
then writes it, or refuses it, as before.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import orjson
from eventsourcing.persistence import DatetimeAsISO, JSONTranscoder, Mapper, StoredEvent, Transcoder
from eventsourcing.utils import get_topic

from commands.sealed_fields import STORY_PREFIX

OPTIONS = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_SUBCLASS | orjson.OPT_PASSTHROUGH_DATACLASS


def instant(value: datetime) -> dict[str, str]:
    """A datetime as the library's ``DatetimeAsISO`` transcoding leaves it, made here rather than
    in a callback from orjson (a story event's two instants are at its top level)."""
    return {"_type_": "datetime_iso", "_data_": value.isoformat()}


def story_state(transcoder: Transcoder, state: dict[str, Any]) -> bytes:
    """The bytes ``transcoder.encode(state)`` answers, for a story event's state."""
    if type(transcoder) is not JSONTranscoder or type(transcoder.types.get(datetime)) is not DatetimeAsISO:
        return transcoder.encode(state)
    try:
        return orjson.dumps({name: instant(value) if type(value) is datetime else value
                             for name, value in state.items()},
                            default=transcoder._encode_obj, option=OPTIONS)
    except orjson.JSONEncodeError:
        return transcoder.encode(state)


def stored_event(mapper: Mapper[Any], domain_event: Any, state: dict[str, Any]) -> StoredEvent:
    """The library's ``Mapper.to_stored_event`` of the event with ``state`` (a copy of its
    ``__dict__``, its sealed fields sealed) for its own, a story's state by ``story_state``."""
    originator_id, version = state.pop("originator_id"), state.pop("originator_version")
    class_version = getattr(type(domain_event), "class_version", 1)
    if class_version > 1:
        state["class_version"] = class_version
    topic = get_topic(type(domain_event))
    stored = (story_state(mapper.transcoder, state) if topic.startswith(STORY_PREFIX)
              else mapper.transcoder.encode(state))
    if mapper.compressor:
        stored = mapper.compressor.compress(stored)
    if mapper.cipher:
        stored = mapper.cipher.encrypt(stored)
    return StoredEvent(originator_id=originator_id, originator_version=version, topic=topic,
                       state=stored)
