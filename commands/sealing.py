"""The ledger's mapper: a person's identifying details and free text, sealed with their key.

Only story events (topic ``ledger.PersonStory.*``) are touched, and only the fields named in
``ledger.identity``; each sealed value is stored as ``{"sealed": base64(nonce + AES-GCM)}``,
bound to the person and field. Reading a sealed value whose key was destroyed (or which no
longer opens) answers ``None``, never an error. Anything else in the event stays clear, so a
plain mapper still decodes it for the figures.
"""

from __future__ import annotations

import base64
import json
import os
from typing import Any
from uuid import UUID

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from eventsourcing.persistence import Mapper, StoredEvent

from commands.person_keys import PersonKeys
from ledger.identity import SEALED_FIELDS, reseal

STORY_PREFIX = "ledger.PersonStory."
MARK = "sealed"


def is_sealed(value: Any) -> bool:
    """Whether a stored value is a sealed marker."""
    return isinstance(value, dict) and set(value) == {MARK}


def seal(key: bytes, person_id: UUID, field: str, value: Any) -> dict[str, str]:
    """The value encrypted for this person and field."""
    nonce = os.urandom(12)
    plain = json.dumps(value, separators=(",", ":")).encode()
    sealed = AESGCM(key).encrypt(nonce, plain, f"{person_id}|{field}".encode())
    return {MARK: base64.b64encode(nonce + sealed).decode()}


def unseal(key: bytes | None, person_id: UUID, field: str, value: Any) -> Any:
    """The value a marker stands for; None when the key is gone or does not open it."""
    if not is_sealed(value):
        return value
    if key is None:
        return None
    try:
        raw = base64.b64decode(value[MARK])
        plain = AESGCM(key).decrypt(raw[:12], raw[12:], f"{person_id}|{field}".encode())
    except (InvalidTag, ValueError):
        return None
    return json.loads(plain)


class SealingMapper(Mapper[UUID]):
    """The library's mapper, sealing and opening the sealed fields of story events."""

    keys: PersonKeys | None = None  # set by the Ledger once its recorder exists

    def to_stored_event(self, domain_event: Any) -> StoredEvent:
        """Encode the event, its sealed fields encrypted with the person's key."""
        topic = getattr(type(domain_event), "TOPIC", "")
        name = topic.removeprefix(STORY_PREFIX)
        if name == topic or name not in SEALED_FIELDS or self.keys is None:
            return super().to_stored_event(domain_event)
        person_id = domain_event.originator_id
        key = self.keys.key_for(person_id, create=True)
        state = dict(vars(domain_event))
        state["data"] = reseal(name, state["data"],
                               lambda f, v: None if key is None else seal(key, person_id, f, v))
        copy = object.__new__(type(domain_event))
        object.__setattr__(copy, "__dict__", state)
        return super().to_stored_event(copy)

    def to_domain_event(self, stored_event: StoredEvent) -> Any:
        """Decode the event, opening its sealed fields while the person's key exists."""
        event = super().to_domain_event(stored_event)
        name = stored_event.topic.removeprefix(STORY_PREFIX)
        state, keys = vars(event), self.keys
        if name not in SEALED_FIELDS or keys is None or not isinstance(state.get("data"), dict):
            return event
        person_id = state["originator_id"]

        def open_value(field: str, value: Any) -> Any:
            if not is_sealed(value):
                return value
            return unseal(keys.key_for(person_id, create=False), person_id, field, value)

        state["data"] = reseal(name, state["data"], open_value)
        return event
