"""Relationship claims: the open front door meets someone who already has a story.

Only the Hub or a GP practice may claim, and only by proving the story is the person's: their
NHS number *and* birth date must match the story's current details. Anything else (an unknown
number, a wrong birth date, an erased story) gets one and the same answer, so a claim cannot be
used to test whether a number is registered. The claim is an event in the story, with its reason
sealed like other free text; it establishes a relationship, and the route flags it for the
privacy officer like a break-glass read.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any
from uuid import UUID

from eventsourcing.persistence import IntegrityError

from commands.receipts import Receipt
from ledger.catalogue import Occurrence
from ledger.errors import ConcurrentWrite, NotPermitted, TooManyAttempts, UnknownPerson
from ledger.story import PersonStory

FRONT_DOORS = ("hub", "gp")
NO_MATCH = "nhs_number: no story matches this NHS number and birth date"


def current_birth_date(story: PersonStory) -> Any:
    """The birth date the story holds now (``None`` once erased), corrections applied."""
    found = None
    for entry in story.entries:
        if entry.version not in story.retracted and "birth_date" in entry.data:
            found = entry.data["birth_date"]
    return found


class RelationshipClaims:
    """The Ledger's command for claims (mixed into ``commands.Ledger``)."""

    def claim_relationship(self, nhs_number: str, birth_date: date, occurrence: Occurrence,
                           then: Sequence[Occurrence] = ()) -> Receipt:
        """Record the claim in the matching story, or refuse as if nothing matched; ``then`` are
        entries recorded after the claim, in the same save (a confirmed self-referral's)."""
        ledger: Any = self
        if ledger.service_of(occurrence.provider_id) not in FRONT_DOORS:
            raise NotPermitted("provider_id: only the Hub or a GP practice may claim a relationship",
                               "provider_id")
        attempts = ledger.log_recorder.claim_attempts
        now = ledger.clock()
        if attempts.blocked(occurrence.provider_id, now):
            raise TooManyAttempts("nhs_number: too many claims that matched no story lately; "
                                  "try again later", "nhs_number")
        owner: UUID | None = ledger.nhs_number_owner(nhs_number)
        story = ledger.story(owner) if owner is not None else None
        if story is None or current_birth_date(story) != birth_date.isoformat():
            attempts.failed(occurrence.provider_id, occurrence.staff_id, now)
            raise UnknownPerson(NO_MATCH, "nhs_number")
        for entry in (occurrence, *then):
            story.record(entry, ledger.clock())
        try:
            recordings = ledger.save(story)
        except IntegrityError:
            raise ConcurrentWrite("version: another writer appended to this story first",
                                  "version") from None
        return Receipt(story.id, story.version, recordings[-1].notification.id)
