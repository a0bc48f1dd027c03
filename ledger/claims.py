"""Claims that make uniqueness atomic: an NHS number's one story, an idempotency key's answer.

Each claim is a tiny stream whose id is derived from the claimed value, saved in the same
transaction as the event it guards, so the database's primary key refuses a second claim.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID, uuid5

from eventsourcing.domain import AggregateCreated, AggregateEvent, BaseAggregate

CLAIM_NAMESPACE = UUID("8a4e2c71-93d0-4b6f-8e15-7f2a9c3d5b18")


def nhs_claim_key(nhs_number: str, namespace: UUID = CLAIM_NAMESPACE) -> UUID:
    """The stream id of the claim on an NHS number."""
    return uuid5(namespace, f"nhs-number/{nhs_number}")


def idempotency_key_id(scope: str, key: str, namespace: UUID = CLAIM_NAMESPACE) -> UUID:
    """The stream id of an idempotency key, scoped to who sent it."""
    return uuid5(namespace, f"idempotency/{scope}/{key}")


class NhsNumberClaim(BaseAggregate[UUID]):
    """An NHS number belongs to one story at a time: released when that story is erased, it is
    free for a new story (the claim then names nobody until claimed again)."""

    TOPIC = "ledger.NhsNumberClaim"

    class Event(AggregateEvent):
        """Base of claim events."""

        TOPIC = "ledger.NhsNumberClaim.Event"

    class Claimed(AggregateCreated, Event):
        """The number now belongs to the person's story."""

        TOPIC = "ledger.NhsNumberClaim.Claimed"
        person_id: UUID

    class Released(Event):
        """The story holding the number was erased: the number answers nothing about it."""

        TOPIC = "ledger.NhsNumberClaim.Released"

        def apply(self, aggregate: Any) -> None:
            """The number belongs to nobody."""
            aggregate.person_id = None

    class ClaimedAgain(Event):
        """A released number now belongs to a new story."""

        TOPIC = "ledger.NhsNumberClaim.ClaimedAgain"
        person_id: UUID

        def apply(self, aggregate: Any) -> None:
            """The number belongs to the new story."""
            aggregate.person_id = self.person_id

    def __init__(self, person_id: UUID) -> None:
        self.person_id: UUID | None = person_id

    def release(self) -> None:
        """Free the number: its story is being erased."""
        self.trigger_event(self.Released)

    def claim_again(self, person_id: UUID) -> None:
        """Give a released number to a new story."""
        self.trigger_event(self.ClaimedAgain, person_id=person_id)

    @classmethod
    def claim(cls, nhs_number: str, person_id: UUID, namespace: UUID) -> NhsNumberClaim:
        """Claim an NHS number for a person's story."""
        key = nhs_claim_key(nhs_number, namespace)
        return cls._create(cls.Claimed, id=key, person_id=person_id)


class IdempotencyRecord(BaseAggregate[UUID]):
    """The first answer to a request sent with an idempotency key: the fingerprint of the whole
    request (sealed under the person's key when stored: an erasure takes it), and its outline,
    the fingerprint of the request with its sealed text left out (None in records made before
    outlines were kept)."""

    TOPIC = "ledger.IdempotencyRecord"

    class Event(AggregateEvent):
        """Base of idempotency events."""

        TOPIC = "ledger.IdempotencyRecord.Event"

    class Answered(AggregateCreated, Event):
        """The request was carried out and this was its answer."""

        TOPIC = "ledger.IdempotencyRecord.Answered"
        fingerprint: str | None
        answer: dict[str, Any]
        outline: str | None

    def __init__(self, fingerprint: str | None, answer: dict[str, Any],
                 outline: str | None = None) -> None:
        self.fingerprint = fingerprint
        self.answer = answer
        self.outline = outline

    @classmethod
    def answered(cls, key: UUID, fingerprint: str, answer: dict[str, Any],
                 outline: str) -> IdempotencyRecord:
        """Remember the answer to a request under its key."""
        return cls._create(cls.Answered, id=key, fingerprint=fingerprint, answer=answer,
                           outline=outline)
