"""The Hub's intake: each self-referral is its own stream, apart from every person's story.

An unsigned request never writes into a story. It is received here (its details sealed under the
stream's own key), raises an alert to the Hub's on-call list when the person says they are in
crisis, and waits until Hub staff confirm it: into a new story, or into an existing one after a
relationship claim. Only the confirmation writes into a story, and it is recorded here too.
"""

from __future__ import annotations

import secrets
from typing import Any
from uuid import UUID, uuid5

from eventsourcing.domain import AggregateCreated, AggregateEvent, BaseAggregate

INTAKE_NAMESPACE = UUID("5c0f7d2e-61b4-4f4a-9a0d-3e8b2f6c1a77")
RECEIVED_TOPIC = "ledger.SelfReferral.Received"
ALERT_TOPIC = "ledger.SelfReferral.AlertRaised"
CONFIRMED_TOPIC = "ledger.SelfReferral.Confirmed"
REFERENCE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read out over a phone
REFERENCE_PATTERN = r"^SR-[A-HJ-KMNP-Z2-9]{8}$"


def new_reference() -> str:
    """A reference the person can quote: ``SR-`` and eight unambiguous letters or digits."""
    return "SR-" + "".join(secrets.choice(REFERENCE_LETTERS) for _ in range(8))


def stream_of(reference: str) -> UUID:
    """The intake stream of a reference."""
    return uuid5(INTAKE_NAMESPACE, f"self-referral/{reference}")


class SelfReferral(BaseAggregate[UUID]):
    """One request for help from the public front door, until Hub staff confirm it."""

    TOPIC = "ledger.SelfReferral"

    class Event(AggregateEvent):
        """Base of every intake event."""

        TOPIC = "ledger.SelfReferral.Event"

    class Received(AggregateCreated, Event):
        """The request arrived; ``details`` are sealed, ``urgent`` and ``referrer`` stay clear."""

        TOPIC = RECEIVED_TOPIC
        reference: str
        urgent: bool
        referrer: str
        details: dict[str, Any]

    class AlertRaised(Event):
        """The person said they are in crisis: the Hub's on-call list is told (by the outbox)."""

        TOPIC = ALERT_TOPIC
        reference: str

    class Confirmed(Event):
        """Hub staff confirmed the request into a story (``how``: new_story or relationship_claim)."""

        TOPIC = CONFIRMED_TOPIC
        person_id: UUID
        how: str
        provider_id: str
        staff_id: str

        def apply(self, aggregate: Any) -> None:
            """The request is no longer awaiting confirmation."""
            aggregate.person_id = self.person_id

    def __init__(self, reference: str, urgent: bool, referrer: str, details: dict[str, Any]) -> None:
        self.reference = reference
        self.urgent = urgent
        self.referrer = referrer
        self.details = details
        self.person_id: UUID | None = None

    @classmethod
    def receive(cls, reference: str, urgent: bool, referrer: str,
                details: dict[str, Any]) -> SelfReferral:
        """Take a request into the intake, with an alert when it is urgent."""
        request = cls._create(cls.Received, id=stream_of(reference), reference=reference,
                              urgent=urgent, referrer=referrer, details=details)
        if urgent:
            request.trigger_event(cls.AlertRaised, reference=reference)
        return request

    def confirm(self, person_id: UUID, how: str, provider_id: str, staff_id: str) -> None:
        """Record that the request became a contact and a referral in a story."""
        self.trigger_event(self.Confirmed, person_id=person_id, how=how, provider_id=provider_id,
                           staff_id=staff_id)
