"""Group commit: appends waiting together share one transaction; a conflict is refused alone."""

from __future__ import annotations

import threading
from uuid import UUID, uuid4

import pytest
from builders import contact, registration
from queued_writes import queued_together

from commands import Ledger
from ledger.errors import ConcurrentWrite


@pytest.fixture
def people(ledger: Ledger, person: UUID) -> list[UUID]:
    """Eight people registered at the Hub."""
    others = [uuid4() for _ in range(7)]
    for person_id in others:
        ledger.register_person(person_id, registration(None))
    return [person, *others]


def test_waiting_appends_land_in_one_transaction(
    ledger: Ledger, people: list[UUID], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Eight appends queued together are written by one batch, each with its own position."""
    batches: list[int] = []
    write_groups = ledger.log_recorder.write_groups
    monkeypatch.setattr(ledger.log_recorder.group, "write_batch",
                        lambda groups: batches.append(len(groups)) or write_groups(groups))
    writes = [lambda p=p: ledger.append(p, [contact("c-1")]) for p in people]
    receipts = queued_together(ledger, writes)
    assert batches == [8]
    assert sorted(r.version for r in receipts) == [2] * 8  # type: ignore[attr-defined]
    assert len({r.position for r in receipts}) == 8  # type: ignore[attr-defined]


def test_a_conflict_in_a_batch_is_refused_alone(ledger: Ledger, people: list[UUID]) -> None:
    """Two appends decided on the same version of one story: one lands, the other is refused,
    and an append to another story in the same batch lands."""
    first, second = people[0], people[1]
    writes = [lambda: ledger.append(first, [contact("c-1")]),
              lambda: ledger.append(first, [contact("c-2")]),
              lambda: ledger.append(second, [contact("c-1")])]
    outcomes = queued_together(ledger, writes)
    assert sum(isinstance(o, ConcurrentWrite) for o in outcomes[:2]) == 1
    assert not isinstance(outcomes[2], Exception)
    assert (ledger.story(first).version, ledger.story(second).version) == (2, 2)


class CountedTurn:
    """The write turn, counting how often it is taken."""

    def __init__(self) -> None:
        self.lock, self.taken = threading.Lock(), 0

    def __enter__(self) -> None:
        self.lock.acquire()
        self.taken += 1

    def __exit__(self, *_: object) -> None:
        self.lock.release()


def test_writers_answered_by_one_batch_take_the_turn_once(
    ledger: Ledger, people: list[UUID], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Eight appends written by one batch: the turn is taken by its writer alone (and by the
    test, holding it while they queue), not again by each writer already answered."""
    turn = CountedTurn()
    monkeypatch.setattr(ledger.log_recorder.group, "turn", turn)
    queued_together(ledger, [lambda p=p: ledger.append(p, [contact("c-1")]) for p in people])
    assert turn.taken == 2
