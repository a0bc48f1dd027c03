"""The write turn's own check that no free text is written for a person erased meanwhile.

A process hears of an erasure made by another only at its erasure watch's next poll
(``commands.erasure_watch``); until then its key cache still holds the destroyed key, so the
erased-write check before the save (``commands.erased_writes``) passes and the text is sealed
under a key nobody holds any more. So the write turn asks too: under the log's write lock, in
the same transaction and in its first round trip (pipelined with the lock), which of the
people whose sealed text the batch writes have had their key destroyed. Their saves are
refused alone (422 naming the field, as ``erased_writes`` answers) and nothing of them is
written; the others land. This process then holds those people erased in its caches at once.

Erasure takes the same write lock (``LedgerRecorder.erase_key``), so it commits before the turn's
check (which then sees it) or after the turn's commit (the text then erased with the rest).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from eventsourcing.persistence import StoredEvent
from psycopg.sql import SQL, Composed, Literal

from commands.erased_writes import lost
from commands.group_commit import Groups
from commands.person_keys import PersonKeys


@dataclass(frozen=True)
class SealedText(StoredEvent):
    """A story event giving a sealed field a value, ``given`` naming the first such field."""

    given: str = ""

    @classmethod
    def of(cls, stored: StoredEvent, given: list[str]) -> StoredEvent:
        """The stored event, marked when it gives sealed fields (``given``: the first named)."""
        if not given:
            return stored
        return cls(stored.originator_id, stored.originator_version, stored.topic, stored.state,
                   given[0])


class ErasedCheck:
    """Asks, in the write turn, after the people of a batch's sealed text whose key is gone."""

    def __init__(self, keys: PersonKeys, heard: Callable[[UUID], None] | None = None) -> None:
        self.keys = keys
        self.heard = heard  # forgets an erased person's stories (set by the Ledger)

    def ask(self, conn: Any, groups: Groups) -> Any:
        """Send the question on a cursor of its own (answered with the turn's first round
        trip); None when the batch writes no sealed text, and nothing is asked."""
        if not (people := sealed_people(groups)):
            return None
        asked = conn.cursor()
        asked.execute(SQL("SELECT person_id FROM {} WHERE person_id = ANY(%s) AND key IS NULL")
                      .format(self.keys.table), (people,), prepare=False)
        return asked

    def refusals(self, asked: Any, groups: Groups) -> list[Exception | None]:
        """Per group, the refusal of a save giving sealed text to an erased person (or None)."""
        erased = set() if asked is None else self._heard(asked.fetchall())
        return [refusal(group, erased) for group in groups]

    def question(self, events: Sequence[StoredEvent]) -> list[Composed]:
        """For an import's ``COPY``: the question as one statement of literals, to be sent with
        the lock in one simple query (no parameters); none when no sealed text is written."""
        if not (people := sealed_people([events])):
            return []
        return [SQL("SELECT person_id FROM {} WHERE person_id = ANY({}::uuid[]) AND key IS NULL")
                .format(self.keys.table, Literal(people))]

    def any_erased(self, curs: Any) -> bool:
        """Whether the answer to ``question``, the last result on ``curs``, names anyone."""
        while curs.nextset():
            pass
        return bool(self._heard(curs.fetchall()))

    def _heard(self, rows: list[Any]) -> set[Any]:
        """The erased people the rows name, each held erased by this process from now on."""
        erased = {row["person_id"] for row in rows}
        for person_id in erased:
            self.keys.mark_erased(person_id)
            if self.heard is not None:
                self.heard(person_id)
        return erased


def sealed_people(groups: Groups) -> list[Any]:
    """The people the groups write sealed text for."""
    return list({e.originator_id: None for g in groups for e in g if isinstance(e, SealedText)})


def refusal(group: Sequence[StoredEvent], erased: set[Any]) -> Exception | None:
    """The save's refusal, naming the first sealed field it gives an erased person (its place in
    the batch, ``events.<n>.``, when the save appends more than one event to the story)."""
    for person_id in {e.originator_id for e in group if isinstance(e, SealedText)} & erased:
        story = [e for e in group if e.originator_id == person_id]
        n, given = next((n, e.given) for n, e in enumerate(story) if isinstance(e, SealedText))
        return lost(n, given, batch=len(story) > 1)
    return None
