"""The write turn on the wire: a batch of group commit is two round trips to PostgreSQL (the
lock with the check of stored versions and the chain's heads; then the links, the inserts and
the commit), whatever its size, and an append to a kept story needs nothing more."""

from __future__ import annotations

from uuid import UUID, uuid4

from builders import contact, registration
from queued_writes import queued_together
from wire_turns import CountingRelay

from commands import Ledger


def test_an_append_to_a_kept_story_is_two_round_trips(
    relayed: Ledger, relay: CountingRelay, person: UUID
) -> None:
    """Once the story is kept (after a first append), an append is one batch: two round trips."""
    relayed.append(person, [contact("c-1")])
    with relay.counting() as turns:
        receipt = relayed.append(person, [contact("c-2")])
    assert (receipt.version, turns) == (3, [2])


def test_a_batch_of_eight_appends_is_two_round_trips(
    relayed: Ledger, relay: CountingRelay, person: UUID
) -> None:
    """Eight appends queued together, to eight kept stories: one batch, two round trips."""
    people = [person, *(uuid4() for _ in range(7))]
    for person_id in people[1:]:
        relayed.register_person(person_id, registration(None))
    for person_id in people:
        relayed.append(person_id, [contact("c-1")])
    with relay.counting() as turns:
        receipts = queued_together(relayed, [lambda p=p: relayed.append(p, [contact("c-2")])
                                             for p in people])
    assert [getattr(r, "version", r) for r in receipts] == [3] * 8
    assert turns == [2]
