"""The registration rules, written once for the API and the import: one story per person id,
one story per NHS number, and a story must exist before anything is added to it.

Each rule is a pure decision on what the caller has looked up (does the stream exist, who owns
the number), so the API's one-at-a-time path and the import's in-memory batch refuse the same
input with the same message.
"""

from __future__ import annotations

from uuid import UUID

from ledger.claims import NhsNumberClaim
from ledger.errors import DuplicatePerson, UnknownPerson


def check_new_story(person_id: UUID, exists: bool) -> None:
    """Refuse to register a person id that already has a story."""
    if exists:
        message = f"person_id: a story for {person_id} already exists"
        raise DuplicatePerson(message, "person_id", str(person_id))


def no_story(person_id: UUID) -> UnknownPerson:
    """The refusal of an event for a person with no story."""
    return UnknownPerson(f"person_id: no story for {person_id}", "person_id")


def nhs_number_claim(
    nhs_number: str | None, person_id: UUID, owner: UUID | None, namespace: UUID,
    released: NhsNumberClaim | None = None,
) -> NhsNumberClaim | None:
    """The claim an event makes on its NHS number, given the number's current ``owner`` (and the
    claim an erasure ``released``, if the number had one).

    None when the event carries no number or the number is already this story's; refused when
    another story holds it.
    """
    if nhs_number is None or owner == person_id:
        return None
    if owner is not None:
        message = "data.nhs_number: already registered to another story"
        raise DuplicatePerson(message, "data.nhs_number", str(owner))
    if released is not None:
        released.claim_again(person_id)
        return released
    return NhsNumberClaim.claim(nhs_number, person_id, namespace)
