"""The write turn's COMMIT reaches PostgreSQL, and then the connection drops before its answer
comes back (cut on the wire by a relay, not by a hook in the ledger): each writer of the batch
is answered once, its events stored once, and the hash chain still whole."""

from __future__ import annotations

import threading
from uuid import UUID, uuid4

from builders import contact, registration
from queued_writes import queued_together
from wire_turns import Connection, CountingRelay

from commands import Ledger
from replay.verify_chain import verify_chain


class CommitAnswerLost:
    """Set as the relay's ``on_chunk``: the first answer after a ``COMMIT`` the client sent is
    thrown away and that connection cut on both sides (the commit itself went through)."""

    def __init__(self) -> None:
        self.dropped = threading.Event()
        self.commit_sent: set[Connection] = set()

    def __call__(self, connection: Connection, side: str, data: bytes) -> bool:
        if side == "client" and b"COMMIT\x00" in data:
            self.commit_sent.add(connection)
        if side == "server" and connection in self.commit_sent and not self.dropped.is_set():
            self.dropped.set()
            return False  # the answer never reaches the ledger
        return True


def versions(ledger: Ledger, person: UUID) -> list[int]:
    """The stored versions of the person's story."""
    return [event.originator_version for event in ledger.recorder.select_events(person)]


def test_an_append_whose_commit_answer_is_lost_is_stored_once(
    relayed: Ledger, relay: CountingRelay, ledger: Ledger, person: UUID
) -> None:
    """Answered with its version, stored once; the chain verifies."""
    relayed.append(person, [contact("c-1")])
    relay.on_chunk = lost = CommitAnswerLost()
    receipt = relayed.append(person, [contact("c-2")])
    assert lost.dropped.is_set()
    assert receipt.version == 3
    assert versions(ledger, person) == [1, 2, 3]
    assert verify_chain(ledger).broken_at is None


def test_a_batch_whose_commit_answer_is_lost_answers_each_writer_once(
    relayed: Ledger, relay: CountingRelay, ledger: Ledger, person: UUID
) -> None:
    """Four appends in the batch whose answer is lost: each answered with its own version, no
    story given an event twice."""
    people = [person, *(uuid4() for _ in range(3))]
    for person_id in people[1:]:
        relayed.register_person(person_id, registration(None))
    for person_id in people:
        relayed.append(person_id, [contact("c-1")])
    relay.on_chunk = lost = CommitAnswerLost()
    receipts = queued_together(relayed, [lambda p=p: relayed.append(p, [contact("c-2")])
                                         for p in people])
    assert lost.dropped.is_set()
    assert [getattr(r, "version", r) for r in receipts] == [3] * 4
    assert [versions(ledger, p) for p in people] == [[1, 2, 3]] * 4
    assert verify_chain(ledger).broken_at is None
