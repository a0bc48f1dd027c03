"""Group commit: the saves waiting at the same moment are written in one transaction.

Every write to the log takes the log's write lock, so concurrent writers queue for it anyway;
here they queue in memory instead, and whoever takes the write turn writes every group waiting
then (up to ``MOST`` groups) in one transaction, one lock, one commit. Each group keeps its
own answer: one that would repeat a stored (stream, version), or one written earlier in the same
batch, is refused alone with the library's ``IntegrityError`` (its writer then answers 409, 412
or its earlier answer, as before) while the others land. A writer is answered only after the
commit, with its own notification ids; if the batch fails, every writer in it gets the failure.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from eventsourcing.persistence import IntegrityError, StoredEvent

MOST = 256  # groups per transaction: bounds one commit's size and its lock time

Groups = list[Sequence[StoredEvent]]
Answers = list[Sequence[int] | None]  # per group: its notification ids, or None when refused
WriteBatch = Callable[[Groups], Answers]


@dataclass
class Waiting:
    """One writer's events and, once written, its answer."""

    events: Sequence[StoredEvent]
    taken: bool = False  # into a batch: its writer waits for that batch's answer
    done: bool = False
    ids: Sequence[int] | None = None
    failure: BaseException | None = None


class GroupCommit:
    """Coalesces concurrent writes into batches, written by ``write_batch``: a batch is taken
    and sent while the one before it commits, never two holding the write lock at once."""

    def __init__(self, write_batch: WriteBatch, most: int = MOST) -> None:
        self.write_batch = write_batch
        self.most = most
        self.queue: list[Waiting] = []
        self.queue_lock = threading.Lock()
        self.turn = threading.Lock()  # held by a batch's writer until its batch holds the lock
        self.changed = threading.Condition(self.queue_lock)  # told when a batch is written
        self.writing = False  # a writer is leading a batch that does not yet hold the lock
        self.leader: int | None = None  # the thread holding the turn

    def write(self, events: Sequence[StoredEvent]) -> Sequence[int]:
        """Write the events with whatever else is waiting; their notification ids once committed.
        A writer whose events are taken into a batch waits for that batch's answer; one still
        in the queue leads the next batch once the one before holds the log's write lock."""
        waiting = Waiting(events)
        with self.changed:
            self.queue.append(waiting)
        while not self._answered_or_leading(waiting):
            self._lead()
        if waiting.failure is not None:
            raise waiting.failure
        assert waiting.ids is not None
        return waiting.ids

    def _answered_or_leading(self, waiting: Waiting) -> bool:
        """Wait until the writer is answered (True) or is to lead the next batch (False)."""
        with self.changed:
            while not waiting.done and (waiting.taken or self.writing):
                self.changed.wait()
            if not waiting.done:
                self.writing = True
            return waiting.done

    def _lead(self) -> None:
        """Take the turn and write the waiting batch, handing the turn on early (``hand_on``)."""
        self.turn.acquire()
        self.leader = threading.get_ident()
        try:
            self._write(self._take())
        finally:
            self.hand_on()
            with self.changed:
                self.changed.notify_all()  # the batch's writers are answered

    def hand_on(self) -> None:
        """Called by ``write_batch`` once its batch holds the log's write lock: the next batch
        may be taken and sent now (its own lock then waits in PostgreSQL for this commit, and it
        reads what this batch committed). Only the batch's writer hands on, once."""
        if self.leader != threading.get_ident():
            return
        self.leader = None
        self.turn.release()
        with self.changed:
            self.writing = False
            self.changed.notify_all()

    def _take(self) -> list[Waiting]:
        with self.queue_lock:
            batch, self.queue = self.queue[:self.most], self.queue[self.most:]
            for waiting in batch:
                waiting.taken = True
        return batch

    def _write(self, batch: list[Waiting]) -> None:
        try:
            answers = self._answers(batch)
        except BaseException as failure:  # every writer of the batch hears why it failed
            for waiting in batch:
                waiting.failure, waiting.done = failure, True
            if not isinstance(failure, Exception):
                raise
            return
        for waiting, ids in zip(batch, answers, strict=True):
            if ids is None:
                waiting.failure = waiting.failure or IntegrityError("a stored version repeated")
            waiting.ids, waiting.done = ids, True

    def _answers(self, batch: list[Waiting]) -> Answers:
        try:
            return self.write_batch([waiting.events for waiting in batch])
        except IntegrityError:  # not foreseen by the batch's own check: each group alone
            if len(batch) == 1:
                raise
            return [self._alone(waiting) for waiting in batch]

    def _alone(self, waiting: Waiting) -> Sequence[int] | None:
        try:
            return self.write_batch([waiting.events])[0]
        except IntegrityError as refusal:
            waiting.failure = refusal
            return None
