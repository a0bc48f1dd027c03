"""The write turn's COMMIT reaches PostgreSQL, and then the connection drops before its answer
comes back (cut on the wire by a relay, not by a hook in the ledger): each writer of the batch
is answered once, its events stored once, and the hash chain still whole."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from uuid import UUID, uuid4

import pytest
from builders import contact, registration
from queued_writes import queued_together
from wire_turns import CountingRelay

from commands import Ledger
from commands.sessions import check_when_idle
from replay.verify_chain import verify_chain


class CommitAnswerLost(CountingRelay):
    """Relays to PostgreSQL; once ``armed``, the first answer after a ``COMMIT`` the client sent
    is thrown away and that connection closed on both sides (the commit itself went through)."""

    def __init__(self, host: str, port: int) -> None:
        super().__init__(host, port)
        self.armed = threading.Event()
        self.dropped = threading.Event()
        self.commit_sent: set[int] = set()

    def _pump(self, source: socket.socket, sink: socket.socket, side: str, spoke: list[str]) -> None:
        try:
            while data := source.recv(65536):
                if side == "client" and self.armed.is_set() and b"COMMIT\x00" in data:
                    self.commit_sent.add(id(spoke))
                if side == "server" and id(spoke) in self.commit_sent and not self.dropped.is_set():
                    self.dropped.set()
                    for end in (source, sink):  # a close alone sends nothing while the other
                        end.shutdown(socket.SHUT_RDWR)  # pump is blocked reading it
                    break  # the answer never reaches the ledger
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                end.close()


@pytest.fixture
def relay(env: dict[str, str]) -> Iterator[CommitAnswerLost]:
    """The relay to the test's PostgreSQL."""
    lossy = CommitAnswerLost(env["POSTGRES_HOST"], int(env["POSTGRES_PORT"]))
    yield lossy
    lossy.close()


@pytest.fixture
def relayed(env: dict[str, str], relay: CommitAnswerLost, ledger: Ledger) -> Iterator[Ledger]:
    """A second Ledger on the test's schema, talking through the relay over one connection."""
    app = Ledger(env={**env, "POSTGRES_HOST": "127.0.0.1", "POSTGRES_PORT": str(relay.port),
                      "POSTGRES_POOL_SIZE": "1", "POSTGRES_MAX_OVERFLOW": "0",
                      "LEDGER_ERASURE_POLL_SECONDS": "3600"})
    app.recorder.datastore.pool._check = check_when_idle(3600)  # type: ignore[attr-defined]
    yield app
    app.close()


def versions(ledger: Ledger, person: UUID) -> list[int]:
    """The stored versions of the person's story."""
    return [event.originator_version for event in ledger.recorder.select_events(person)]


def test_an_append_whose_commit_answer_is_lost_is_stored_once(
    relayed: Ledger, relay: CommitAnswerLost, ledger: Ledger, person: UUID
) -> None:
    """Answered with its version, stored once; the chain verifies."""
    relayed.append(person, [contact("c-1")])
    relay.armed.set()
    receipt = relayed.append(person, [contact("c-2")])
    assert relay.dropped.is_set()
    assert receipt.version == 3
    assert versions(ledger, person) == [1, 2, 3]
    assert verify_chain(ledger).broken_at is None


def test_a_batch_whose_commit_answer_is_lost_answers_each_writer_once(
    relayed: Ledger, relay: CommitAnswerLost, ledger: Ledger, person: UUID
) -> None:
    """Four appends in the batch whose answer is lost: each answered with its own version, no
    story given an event twice."""
    people = [person, *(uuid4() for _ in range(3))]
    for person_id in people[1:]:
        relayed.register_person(person_id, registration(None))
    for person_id in people:
        relayed.append(person_id, [contact("c-1")])
    relay.armed.set()
    receipts = queued_together(relayed, [lambda p=p: relayed.append(p, [contact("c-2")])
                                         for p in people])
    assert relay.dropped.is_set()
    assert [getattr(r, "version", r) for r in receipts] == [3] * 4
    assert [versions(ledger, p) for p in people] == [[1, 2, 3]] * 4
    assert verify_chain(ledger).broken_at is None
