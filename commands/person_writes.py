"""What a person adds to their own story: a note or a self-assessment, and nothing else.

A person writes as provider ``self``, which no directory holds, so no care relationship stands
behind the write: the person's own story is theirs to add to. The catalogue's rules still apply
(``ledger.guards_person``): only these two types, never a change to anyone else's entry. An
idempotency key is scoped to the person, so two people's keys never meet.
"""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from commands.application import Ledger
from commands.erased_writes import refuse_if_lost
from commands.receipts import Receipt
from ledger.catalogue import Occurrence
from ledger.errors import NotPermitted, StoryMovedOn
from ledger.payloads_person import PERSON_EVENT_TYPES, SELF


def append_own(
    ledger: Ledger, person_id: UUID, occurrences: Sequence[Occurrence],
    expected_version: int | None = None, idempotency_key: str | None = None,
) -> Receipt:
    """Append the person's own entries to their story, all or nothing."""
    for occurrence in occurrences:
        if occurrence.provider_id != SELF or occurrence.type not in PERSON_EVENT_TYPES:
            raise NotPermitted(f"type: a person adds only {' or '.join(PERSON_EVENT_TYPES)}",
                               "type")
    request = {"expected_version": expected_version, "events": list(occurrences)}
    keyed = ledger._idempotency(
        f"{SELF}-{person_id}", idempotency_key, "append", person_id, request)
    if (answer := ledger._earlier_answer(keyed)) is not None:
        return ledger._repeat(answer)
    with ledger._repeat_if_answered(keyed) as answered:
        story = ledger.story(person_id)
        if expected_version is not None and story.version != expected_version:
            message = f"If-Match: the story is at version {story.version}, not {expected_version}"
            raise StoryMovedOn(message, "If-Match")
        refuse_if_lost(ledger.mapper.keys, person_id, occurrences)  # type: ignore[attr-defined]
        for occurrence in occurrences:
            story.record(occurrence, ledger.clock())
        answered.append(ledger._save([story], story, keyed, ledger._concurrent_write))
    return answered[0]
