"""Group commit: the saves waiting at the same moment are written in one transaction.

Every write to the log takes the log's write lock, so concurrent writers queue for it anyway;
here they queue in memory instead, and whoever takes the write turn writes every group waiting
then (up to ``MOST`` groups) in one transaction, one lock, one commit. Each group keeps its
own answer: one that would repeat a stored (stream, version), or one written earlier in the same
batch, is refused alone with the library's ``IntegrityError`` (its writer then answers 409, 412
or its earlier answer, as before) while the others land; so is one the batch's own check refuses
otherwise (free text for a person erased meanwhile: ``commands.erased_check``), with that refusal.
A writer is answered only after the commit, with its own notification ids; if the batch fails,
every writer in it gets the failure. A waiting writer sleeps on its own lock: a batch written
wakes its writers, and hands the turn to the writer first in the queue, if any (not every
waiting thread, to find most of them still waiting).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from eventsourcing.persistence import IntegrityError, StoredEvent

MOST = 256  # groups per transaction: bounds one commit's size and its lock time

Group = TypeVar("Group")  # what one writer writes: its stored events, or an access-log entry
Groups = list[Sequence[StoredEvent]]
Answer = Sequence[int] | Exception | None  # a group's notification ids, or why it was refused
Answers = list[Answer]  # per group (None: it repeats a stored version)
WriteBatch = Callable[[list[Group]], Answers]


@dataclass
class Waiting(Generic[Group]):
    """One writer's events and, once written, its answer."""

    events: Group
    woken: threading.Lock = field(default_factory=threading.Lock)  # held until done or its turn
    done: bool = False
    ids: Sequence[int] | None = None
    failure: BaseException | None = None


class GroupCommit(Generic[Group]):
    """Coalesces concurrent writes into batches, written by ``write_batch`` one batch at a time."""

    def __init__(self, write_batch: WriteBatch[Group], most: int = MOST) -> None:
        self.write_batch = write_batch
        self.most = most
        self.queue: list[Waiting[Group]] = []
        self.queue_lock = threading.Lock()
        self.turn = threading.Lock()  # held by the one writing a batch
        self.writing = False  # whether a writer has the turn (or is handed it)

    def write(self, events: Group) -> Sequence[int]:
        """Write the events with whatever else is waiting; their notification ids once committed.
        A writer whose events are written returns at once, without taking the turn in its own
        turn behind the next batch's writer; one of those still waiting writes the next batch."""
        waiting = Waiting(events)
        waiting.woken.acquire()
        with self.queue_lock:
            self.queue.append(waiting)
            leads, self.writing = not self.writing, True
        if not leads:
            waiting.woken.acquire()  # released once written, or when handed the turn
        if not waiting.done:
            self._lead(waiting)
        if waiting.failure is not None:
            raise waiting.failure
        assert waiting.ids is not None
        return waiting.ids

    def _lead(self, waiting: Waiting[Group]) -> None:
        """Write batches until this writer's is written, then hand the turn on."""
        try:
            while not waiting.done:
                with self.turn:
                    self._write(self._take())
        finally:
            with self.queue_lock:
                if self.queue:
                    self.queue[0].woken.release()  # the next batch's writer
                else:
                    self.writing = False

    def _take(self) -> list[Waiting[Group]]:
        with self.queue_lock:
            batch, self.queue = self.queue[:self.most], self.queue[self.most:]
        return batch

    def _write(self, batch: list[Waiting[Group]]) -> None:
        try:
            answers = self._answers(batch)
        except BaseException as failure:  # every writer of the batch hears why it failed
            for waiting in batch:
                waiting.failure, waiting.done = failure, True
                waiting.woken.release()
            if not isinstance(failure, Exception):
                raise
            return
        for waiting, ids in zip(batch, answers, strict=True):
            if isinstance(ids, Exception):
                waiting.failure, ids = ids, None
            if ids is None:
                waiting.failure = waiting.failure or IntegrityError("a stored version repeated")
            waiting.ids, waiting.done = ids, True
            waiting.woken.release()

    def _answers(self, batch: list[Waiting[Group]]) -> Answers:
        try:
            return self.write_batch([waiting.events for waiting in batch])
        except IntegrityError:  # not foreseen by the batch's own check: each group alone
            if len(batch) == 1:
                raise
            return [self._alone(waiting) for waiting in batch]

    def _alone(self, waiting: Waiting[Group]) -> Answer:
        try:
            return self.write_batch([waiting.events])[0]
        except IntegrityError as refusal:
            waiting.failure = refusal
            return None
