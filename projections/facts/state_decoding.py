"""Stored states decoded as the library's JSON transcoder does, with fewer Python calls.

Decoding is most of a catch-up's reading: the library's ``JSONTranscoder.decode`` parses with the
standard ``json`` module and calls its object hook once per JSON object. Here ``orjson`` parses
(several times faster, no hook) and one walk turns the typed objects (``{"_type_", "_data_"}``)
into values: ``datetime_iso`` directly, every other name through the transcoder's own registered
transcoding, so the result is the same dict. Anything but a plain ``JSONTranscoder``, or a state
``orjson`` refuses (a number past 64 bits, NaN), is left to the transcoder itself.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import orjson
from eventsourcing.persistence import DatetimeAsISO, JSONTranscoder, Transcoder


def state_decoder(transcoder: Transcoder) -> Callable[[bytes], Any]:
    """A function decoding stored states exactly as ``transcoder.decode`` does."""
    if type(transcoder) is not JSONTranscoder:
        return transcoder.decode
    iso = datetime.fromisoformat if type(transcoder.names.get("datetime_iso")) is DatetimeAsISO \
        else None

    def typed(d: dict[str, Any]) -> Any:  # the library's object hook, innermost first
        for key, value in d.items():
            kind = type(value)
            if kind is dict:  # a datetime (every event has two) decoded here, not in a call
                data = value.get("_data_")
                d[key] = iso(data) if (iso is not None and len(value) == 2 and type(data) is str
                                       and value.get("_type_") == "datetime_iso") \
                    else typed(value)
            elif kind is list:
                d[key] = listed(value)
        if len(d) != 2 or "_type_" not in d or "_data_" not in d:
            return d
        if d["_type_"] == "datetime_iso" and iso is not None and type(d["_data_"]) is str:
            return iso(d["_data_"])
        return transcoder._decode_obj(d)  # the library's own path, errors included

    def listed(items: list[Any]) -> list[Any]:
        for i, value in enumerate(items):
            kind = type(value)
            if kind is dict or kind is list:
                items[i] = typed(value) if kind is dict else listed(value)
        return items

    def decode(stored: bytes) -> Any:
        try:
            value = orjson.loads(stored)
        except orjson.JSONDecodeError:
            return transcoder.decode(stored)
        kind = type(value)
        return typed(value) if kind is dict else listed(value) if kind is list else value

    return decode
