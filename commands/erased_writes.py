"""A write that an erasure would lose is refused, not silently emptied.

After an erasure the person's key is gone for good and no fresh one is ever made, so a sealed
field written afterwards (a contact's summary, a referral's reason, a name in ``DetailsUpdated``)
would be stored as null: the write was answered 201 and its text was dropped without a word.
Staff then believed a note was kept that was not (a clinical hazard), and a repeat of the write
could not tell them either. Now such a write is refused (422 naming the first field that could
not be kept) and nothing is written; an entry with no sealed text (an attended contact with no
summary, a key worker's end) is still accepted into the erased story.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any
from uuid import UUID

from commands.person_keys import PersonKeys
from ledger.catalogue import Occurrence
from ledger.errors import InvalidEvent
from ledger.identity import GOAL_FREE_TEXT, reseal


def sealed_given(occurrence: Occurrence) -> list[str]:
    """The sealed fields the entry gives a value (``given_in``)."""
    return given_in(occurrence.type, occurrence.data())


def given_in(event_type: str, data: dict[str, Any]) -> list[str]:
    """The sealed fields an event's data gives a value: an empty list (``strengths`` left out is
    ``[]``) gives nothing to lose; a goal's free text is named with its place,
    ``goals.<n>.description``."""
    given: list[str] = []

    def note(field: str, value: Any) -> Any:
        if value is not None and value != []:
            given.append(field)
        return value

    reseal(event_type, {k: v for k, v in data.items() if k != "goals"}, note)
    if event_type == "PlanAgreed":
        given.extend(f"goals.{n}.{field}" for n, goal in enumerate(data.get("goals", []))
                     for field in GOAL_FREE_TEXT if goal.get(field) is not None)
    return given


def refuse_if_lost(keys: PersonKeys | None, person_id: UUID,
                   occurrences: Sequence[Occurrence]) -> None:
    """Refuse the write when it gives a sealed field and the person was erased."""
    given = [(n, field) for n, o in enumerate(occurrences) for field in sealed_given(o)]
    if keys is None or not given or keys.key_for(person_id, create=False) is not None:
        return
    if person_id not in keys.existing([person_id]):  # never had a key: the save makes one
        return
    raise lost(*given[0], batch=len(occurrences) > 1)


def erased_among(keys: PersonKeys, person_ids: Iterable[UUID]) -> set[UUID]:
    """Which of these people were erased (an import's batch: cached keys, the rest at once)."""
    return {person_id for person_id, key in keys.existing(person_ids).items() if key is None}


def refuse_if_erased(erased: bool, occurrence: Occurrence) -> None:
    """An import's line: refused when the person was erased and the line gives a sealed field."""
    if erased and (given := sealed_given(occurrence)):
        raise lost(0, given[0], batch=False)


def lost(n: int, field: str, batch: bool) -> InvalidEvent:
    """The refusal, naming the first field the erasure would lose (``events.<n>.`` in a batch)."""
    where = f"events.{n}.data.{field}" if batch else f"data.{field}"
    return InvalidEvent(f"{where}: this person's identifying details and free text were erased; "
                        "nothing sealed can be kept in their story any more (leave it out)", where)
