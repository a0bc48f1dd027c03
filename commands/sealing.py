"""The mapper of the ledger and its access log: what identifies a person, sealed with their key.

Story events (topic ``ledger.PersonStory.*``) have the fields named in ``ledger.identity`` sealed;
a read in the access log (``ledger.StoryAccessLog.StoryRead``) has its ``reason`` sealed: the
break-glass reason, the relationship claim's reason or the analyst's audit purpose; an
idempotency record has the fingerprint of its request sealed (``commands.sealed_fields``). Each is
sealed under the key of the person it is about, and erasure takes them all. Each sealed value is
stored as ``{"sealed": base64(nonce + AES-GCM)}``, bound to the person and field. Reading a
sealed value whose key was destroyed (or which no longer opens) answers ``None``, never an error.
Anything else in the event stays clear, so a plain mapper still decodes it for the figures.
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

from commands.erased_check import SealedText
from commands.erased_writes import given_in, lost
from commands.key_wrapping import wrapper_of
from commands.person_keys import LEDGER_EVENTS, PersonKeys
from commands.sealed_fields import STORY_PREFIX, resealed, sealing_person
from commands.story_encoding import stored_event as encoded
from ledger.identity import Change

MARK = "sealed"


def is_sealed(value: Any) -> bool:
    """Whether a stored value is a sealed marker."""
    return isinstance(value, dict) and set(value) == {MARK}


def seal(key: bytes, person_id: UUID, field: str, value: Any) -> dict[str, str]:
    """The value encrypted for this person and field."""
    return sealed_with(AESGCM(key), f"{person_id}|", field, value)


def sealed_with(cipher: AESGCM, binding: str, field: str, value: Any) -> dict[str, str]:
    """``seal`` with the person's cipher and ``"<person_id>|"`` made once for all their fields."""
    nonce = os.urandom(12)
    plain = json.dumps(value, separators=(",", ":")).encode()
    sealed = cipher.encrypt(nonce, plain, (binding + field).encode())
    return {MARK: base64.b64encode(nonce + sealed).decode()}


def unseal(key: bytes | None, person_id: UUID, field: str, value: Any) -> Any:
    """The value a marker stands for; None when the key is gone or does not open it."""
    return opener(key, person_id)(field, value)


def opener(key: bytes | None, person_id: UUID) -> Change:
    """``unseal`` for many of one person's fields, with one cipher (making it costs twice what
    opening a name does): a list page's names, a story's sealed fields."""
    cipher = None if key is None else AESGCM(key)
    binding = f"{person_id}|"

    def open_value(field: str, value: Any) -> Any:
        if not is_sealed(value):
            return value
        if cipher is None:
            return None
        try:
            raw = base64.b64decode(value[MARK])
            plain = cipher.decrypt(raw[:12], raw[12:], (binding + field).encode())
        except (InvalidTag, ValueError):
            return None
        return json.loads(plain)

    return open_value


def ledger_keys(recorder: Any, env: Any) -> PersonKeys:
    """The ledger's person keys, for another application (the access log, the audit log) on the
    same database: its table made if the ledger has not yet made it."""
    keys = PersonKeys(recorder.datastore, LEDGER_EVENTS, wrapper=wrapper_of(env))
    with recorder.datastore.transaction(commit=True) as curs:
        curs.execute(keys.create_statement(), prepare=False)
    return keys


class SealingMapper(Mapper[UUID]):
    """The library's mapper, sealing and opening the sealed fields of a person's events."""

    keys: PersonKeys | None = None  # set by the application once its recorder exists

    def to_stored_event(self, domain_event: Any) -> StoredEvent:
        """Encode the event, its sealed fields encrypted with the person's key."""
        topic = getattr(type(domain_event), "TOPIC", "")
        keys, person_id = self.keys, sealing_person(topic, vars(domain_event))
        if keys is None or person_id is None:
            return super().to_stored_event(domain_event)
        made: list[tuple[AESGCM, str] | None] = []  # at the first sealed field, once per event

        def close(field: str, value: Any) -> Any:
            if not made:
                key = keys.key_for(person_id, create=True)
                made.append(None if key is None else (AESGCM(key), f"{person_id}|"))
            if made[0] is not None:
                return sealed_with(*made[0], field, value)
            if topic.startswith(STORY_PREFIX) and value is not None and value != []:
                raise lost(0, field, batch=False)  # erased since the write was checked: refused
            return None  # a read's reason in an erased person's access log: nobody's to keep

        state = resealed(topic, dict(vars(domain_event)), close)
        if state is None and not topic.startswith(STORY_PREFIX):
            return super().to_stored_event(domain_event)
        stored = encoded(self, domain_event, dict(vars(domain_event)) if state is None else state)
        plain = vars(domain_event).get("data") if topic.startswith(STORY_PREFIX) else None
        given = given_in(topic.removeprefix(STORY_PREFIX), plain) if plain else []
        return SealedText.of(stored, given)  # checked in the write turn

    def to_domain_event(self, stored_event: StoredEvent) -> Any:
        """Decode the event, opening its sealed fields while the person's key exists."""
        event = super().to_domain_event(stored_event)
        keys = self.keys
        if keys is None:
            return event
        person_id = sealing_person(stored_event.topic, vars(event))
        if person_id is None:
            return event
        ciphers: list[Change] = []  # the key asked for, and its cipher made, once an event

        def open_value(field: str, value: Any) -> Any:
            if not is_sealed(value):
                return value
            if not ciphers:
                ciphers.append(opener(keys.key_for(person_id, create=False), person_id))
            return ciphers[0](field, value)

        state = resealed(stored_event.topic, vars(event), open_value)
        if state is not None:
            vars(event).update(state)
        return event
