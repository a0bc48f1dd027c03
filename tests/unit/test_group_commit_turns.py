"""Group commit's turn, handed on: writers queued during a batch are written by the next one,
each answered with its own ids, a failure reaches only its batch, and the turn is free after."""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence

import pytest

from commands.group_commit import Answers, GroupCommit


class Slow:
    """A batch writer that holds its first batch until told, answering each group its number."""

    def __init__(self, fail_first: bool = False) -> None:
        self.batches: list[list[int]] = []
        self.first_held = threading.Event()
        self.go = threading.Event()
        self.fail_first = fail_first

    def __call__(self, groups: list[int]) -> Answers:
        self.batches.append(list(groups))
        if len(self.batches) == 1:
            self.first_held.set()
            self.go.wait(10)
            if self.fail_first:
                raise ValueError("the store went away")
        return [[group] for group in groups]


def writers(group: GroupCommit[int], numbers: Sequence[int], answers: dict[int, object]) -> list[
        threading.Thread]:
    """A thread per number writing it; each answer (or failure) kept by number."""
    def write(number: int) -> None:
        try:
            answers[number] = group.write(number)
        except Exception as failure:
            answers[number] = failure
    threads = [threading.Thread(target=write, args=(n,)) for n in numbers]
    for thread in threads:
        thread.start()
    return threads


def queued_behind_first(fail_first: bool) -> tuple[Slow, GroupCommit[int], dict[int, object]]:
    """Writer 0 holds the first batch while writers 1 to 5 queue; then all are let through."""
    slow = Slow(fail_first)
    group: GroupCommit[int] = GroupCommit(slow)
    answers: dict[int, object] = {}
    threads = writers(group, [0], answers)
    assert slow.first_held.wait(10)
    threads += writers(group, range(1, 6), answers)
    deadline = time.monotonic() + 10
    while len(group.queue) < 5 and time.monotonic() < deadline:
        time.sleep(0.01)
    slow.go.set()
    for thread in threads:
        thread.join(10)
    return slow, group, answers


def test_writers_queued_during_a_batch_are_the_next_batch() -> None:
    """The five who queued are one batch, written by one of them, each with its own answer."""
    slow, group, answers = queued_behind_first(fail_first=False)
    assert slow.batches == [[0], [1, 2, 3, 4, 5]]
    assert answers == {n: [n] for n in range(6)}
    assert not group.writing


def test_a_failed_batch_fails_its_writers_alone() -> None:
    """The first batch fails: its writer hears why; the five behind it still land."""
    _slow, group, answers = queued_behind_first(fail_first=True)
    assert isinstance(answers[0], ValueError)
    assert {n: answers[n] for n in range(1, 6)} == {n: [n] for n in range(1, 6)}
    assert not group.writing


@pytest.mark.parametrize("count", [1, 40])
def test_the_turn_is_free_once_everyone_is_answered(count: int) -> None:
    """Writers at once, then one more alone: it leads its own batch at once."""
    slow = Slow()
    slow.go.set()
    group: GroupCommit[int] = GroupCommit(slow)
    answers: dict[int, object] = {}
    for thread in writers(group, range(count), answers):
        thread.join(10)
    assert group.write(99) == [99]
    assert sorted(n for batch in slow.batches for n in batch) == [*range(count), 99]
