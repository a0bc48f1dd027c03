"""Which fields of a stored event are sealed, and whose key seals them.

A story event (``ledger.PersonStory.*``) has the fields named in ``ledger.identity`` sealed; a
read in the access log (``ledger.StoryAccessLog.StoryRead``) its ``reason``. Both streams are the
person's id, so the stream's id names the key. An idempotency record
(``ledger.IdempotencyRecord.Answered``) has its ``fingerprint`` sealed, the keyed digest of the
whole request (a contact's summary, a registration's name): its stream is the key's, so the
person is the one its answer names, and a record that names nobody (a directory write) seals
nothing. So an erasure takes the fingerprints of a person's requests with the rest of their text.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from ledger.access import READ_TOPIC
from ledger.claims import IdempotencyRecord
from ledger.identity import SEALED_FIELDS, Change, reseal

STORY_PREFIX = "ledger.PersonStory."
READ_SEALED = ("reason",)  # the fields of a read in the access log that are sealed
ANSWERED_TOPIC = IdempotencyRecord.Answered.TOPIC
ANSWERED_SEALED = ("fingerprint",)  # the fields of an idempotency record that are sealed


def sealing_person(topic: str, state: dict[str, Any]) -> UUID | None:
    """The person whose key seals the event: the stream's, or the one a record's answer names."""
    if topic == ANSWERED_TOPIC:
        named = (state.get("answer") or {}).get("person_id")
        return UUID(named) if named else None
    person_id: UUID = state["originator_id"]
    return person_id


def resealed(topic: str, state: dict[str, Any], change: Change) -> dict[str, Any] | None:
    """A copy of an event's state with ``change`` applied to its sealed fields; None if it has none."""
    if topic == READ_TOPIC:
        return {**state, **{f: change(f, state[f]) for f in READ_SEALED if state.get(f) is not None}}
    if topic == ANSWERED_TOPIC:
        if sealing_person(topic, state) is None:
            return None
        return {**state, **{f: change(f, state[f]) for f in ANSWERED_SEALED
                            if state.get(f) is not None}}
    name = topic.removeprefix(STORY_PREFIX)
    if name == topic or name not in SEALED_FIELDS or not isinstance(state.get("data"), dict):
        return None
    return {**state, "data": reseal(name, state["data"], change)}
