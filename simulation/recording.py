"""Written lines wait here until their recorded time has passed, then leave in recorded order."""

from __future__ import annotations

from collections.abc import Iterator
from heapq import heappop, heappush

from simulation.story import Story

VERSION = "#VERSION#"
"""Stands in a retraction line for the version of its target, known only once that is written."""

Written = list[int]
"""A line kept for a later retraction: [recorded instant] and, once written out, its version."""

Pending = tuple[int, int, Story | None, str, Written | None, Written | None]


class Recorder:
    """Orders lines by the instant they were recorded, and numbers each person's lines.

    A line recorded at an instant may be written out once the simulation has passed that instant,
    since everything simulated later is recorded later still. Each person's lines get versions
    1, 2, 3, ... in the order they leave, which is the order the ledger will append them.
    Most lines are recorded the instant they happen: those skip the heap and wait in `current`.
    """

    def __init__(self, now: int) -> None:
        self.now = now
        self.pending: list[Pending] = []
        self.current: list[Pending] = []
        self._sequence = 0

    def write(self, recorded: int, story: Story | None, line: str, keep: bool = False) -> Written | None:
        """Hold a line recorded at an instant; with `keep`, return a handle to retract it by."""
        kept: Written | None = [recorded] if keep else None
        self._sequence += 1
        item = (recorded, self._sequence, story, line, kept, None)
        if recorded == self.now:
            self.current.append(item)
        else:
            heappush(self.pending, item)
        return kept

    def write_retraction(self, recorded: int, story: Story, line: str, target: Written) -> None:
        """Hold a retraction line (with VERSION in place of the version) after its target."""
        self._sequence += 1
        when = max(recorded, target[0] + 1)
        heappush(self.pending, (when, self._sequence, story, line, None, target))

    def release(self, before: int) -> Iterator[tuple[int, str]]:
        """Write out, in order, every line recorded before an instant (with the instant it was
        recorded at); that instant becomes `now`."""
        pending, current = self.pending, self.current
        index, count = 0, len(current)
        while True:
            if pending and pending[0][0] < before and (index == count or pending[0] < current[index]):
                item = heappop(pending)
            elif index < count:
                item = current[index]
                index += 1
            else:
                break
            recorded, _, story, line, kept, target = item
            if story is not None:
                story.version += 1
                if kept is not None:
                    kept.append(story.version)
                if target is not None:
                    line = line.replace(VERSION, str(target[1]))
            yield recorded, line
        current.clear()
        self.now = before
