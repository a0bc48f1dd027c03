"""The intake's mapper: a self-referral's details sealed under its own stream's key.

The key comes from the ledger's key table (``commands.person_keys``), named by the intake
stream's id, so the details are encrypted at rest like every story's identifying details and
free text, and destroying that key makes them unreadable. Everything else stays clear.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from eventsourcing.persistence import Mapper, StoredEvent

from commands.person_keys import PersonKeys
from commands.sealing import is_sealed, seal, unseal
from ledger.intake import RECEIVED_TOPIC

SEALED = "details"


class IntakeMapper(Mapper[UUID]):
    """The library's mapper, sealing a received request's details."""

    keys: PersonKeys | None = None  # set by the intake once its recorder exists

    def to_stored_event(self, domain_event: Any) -> StoredEvent:
        """Encode the event, its details encrypted with the stream's key."""
        if self.keys is None or getattr(type(domain_event), "TOPIC", "") != RECEIVED_TOPIC:
            return super().to_stored_event(domain_event)
        stream = domain_event.originator_id
        key = self.keys.key_for(stream, create=True)
        state = dict(vars(domain_event))
        state[SEALED] = None if key is None else seal(key, stream, SEALED, state[SEALED])
        copy = object.__new__(type(domain_event))
        object.__setattr__(copy, "__dict__", state)
        return super().to_stored_event(copy)

    def to_domain_event(self, stored_event: StoredEvent) -> Any:
        """Decode the event, opening its details while the stream's key exists."""
        event = super().to_domain_event(stored_event)
        state = vars(event)
        if self.keys is not None and is_sealed(state.get(SEALED)):
            stream = state["originator_id"]
            key = self.keys.key_for(stream, create=False)
            state[SEALED] = unseal(key, stream, SEALED, state[SEALED])
        return event
