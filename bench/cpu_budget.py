"""The CPU each party of a benchmark spends, read from ``/proc``: a process's, a tree's, the machine's.

A process's CPU is its user and system time (``utime + stime`` in ``/proc/<pid>/stat``, in clock
ticks: a hundredth of a second here), its threads' included; the machine's busy time is every
core's time in ``/proc/stat`` less its idle and I/O-wait time. A party's CPU over a window is the
sum, over its processes, of their reading at the end less their reading at the start: a process
born in the window counts from zero, one that ended in the window is lost (so processes that
come and go, like an import's PostgreSQL backends, are read while they live by a ``Sampler``).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

TICKS = os.sysconf("SC_CLK_TCK")


def stat_fields(pid: int) -> list[str] | None:
    """The fields of ``/proc/<pid>/stat`` after the command's name (state first); None once gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None


def cpu_seconds(pid: int) -> float | None:
    """A live process's user and system CPU seconds so far; None once it is gone."""
    fields = stat_fields(pid)
    return None if fields is None else (int(fields[11]) + int(fields[12])) / TICKS


def processes() -> dict[int, tuple[int, float]]:
    """Every live process now: its parent and its CPU seconds so far."""
    found = {}
    for pid in map(int, filter(str.isdigit, os.listdir("/proc"))):
        fields = stat_fields(pid)
        if fields is not None:
            found[pid] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / TICKS)
    return found


def machine_seconds() -> tuple[float, float]:
    """All cores' busy seconds and all their seconds since boot (``/proc/stat``; busy is all
    less idle and I/O wait; guest time is inside user time, so not added again)."""
    with open("/proc/stat") as stat:
        ticks = [int(field) for field in stat.readline().split()[1:9]]
    every = sum(ticks)
    return (every - ticks[3] - ticks[4]) / TICKS, every / TICKS


def snapshot() -> dict[str, Any]:
    """The machine's and every process's CPU now, as JSON (the load generator hands it back)."""
    busy, every = machine_seconds()
    return {"busy_s": busy, "all_s": every,
            "processes": {str(pid): list(seen) for pid, seen in processes().items()}}


def readings(taken: dict[str, Any]) -> dict[int, float]:
    """Each process's CPU seconds in a snapshot."""
    return {int(pid): float(seen[1]) for pid, seen in taken["processes"].items()}


def descendants(taken: dict[str, Any], root: int) -> set[int]:
    """The process and all its descendants in a snapshot."""
    children: dict[int, list[int]] = {}
    for pid, seen in taken["processes"].items():
        children.setdefault(int(seen[0]), []).append(int(pid))
    tree, wanted = set(), [root]
    while wanted:
        pid = wanted.pop()
        if pid not in tree:
            tree.add(pid)
            wanted += children.get(pid, [])
    return tree


def spent(before: dict[int, float], after: dict[int, float], pids: Iterable[int]) -> float:
    """The CPU seconds ``pids`` spent between two readings (a process born between them from
    zero; one gone by the second reading is not counted)."""
    return sum(after[pid] - before.get(pid, 0.0) for pid in set(pids) if pid in after)


class Sampler:
    """Reads the CPU of the processes ``find`` names, every ``every`` seconds in a thread of its
    own until ``stop``, keeping each one's first and last reading (those found at the start count
    from there, those found later from zero)."""

    def __init__(self, find: Callable[[], Iterable[int]], every: float = 0.25) -> None:
        self.find, self.every = find, every
        self.first: dict[int, float] = {}
        self.last: dict[int, float] = {}
        self.read(at_start=True)
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._watch, daemon=True)
        self.thread.start()

    def read(self, at_start: bool = False) -> None:
        """One reading of every process ``find`` names now."""
        for pid in self.find():
            if (seen := cpu_seconds(pid)) is not None:
                self.first.setdefault(pid, seen if at_start else 0.0)
                self.last[pid] = seen

    def _watch(self) -> None:
        while not self.done.wait(self.every):
            self.read()

    def stop(self) -> float:
        """Stop (after a last reading); the CPU seconds spent by everything found."""
        self.done.set()
        self.thread.join()
        self.read()
        return spent(self.first, self.last, self.last)
