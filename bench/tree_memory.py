"""A command's resident memory, its own and its process tree's, read from ``/proc`` as it runs.

``ru_maxrss`` from ``os.wait4`` is no measure of a child's memory. Linux keeps in it the
high-water mark of the memory the child ran in before ``exec``, and a child started by
``subprocess`` (``vfork``) ran in its parent's: a benchmark process grown to 1.4 GB by the
earlier sizes reported 1.4 GB for an import of a million lines. It is also the largest of the
child and the descendants it waited for, never their sum. Here each process's own high-water
mark (``VmHWM``: ``exec`` starts it afresh) is read, and the sum of the resident sets
(``VmRSS``) of the command and all its descendants sampled, every ``EVERY`` seconds.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

EVERY = 0.1
"""Seconds between two readings of the tree."""


@dataclass(frozen=True)
class Measured:
    """A finished command: what it printed, how it ended, its time, CPU and memory."""

    said: str
    exit_code: int
    seconds: float
    cpu_s: float  # user and system, of the command and the descendants it waited for
    own_peak_mb: float  # the command's own process: its highest resident set
    tree_peak_mb: float  # the command and all its descendants: the highest sum seen at once


def parent_of(pid: int) -> int | None:
    """A live process's parent; None once gone."""
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None


def tree_of(root: int) -> list[int]:
    """The process and all its live descendants."""
    parents = {pid: parent for pid in map(int, filter(str.isdigit, os.listdir("/proc")))
               if (parent := parent_of(pid)) is not None}
    tree, wanted = [], [root]
    while wanted:
        pid = wanted.pop()
        if pid in parents:
            tree.append(pid)
            wanted += [child for child, parent in parents.items() if parent == pid]
    return tree


def resident_mb(pid: int) -> tuple[float, float] | None:
    """A live process's resident set now and its highest so far, in MB; None once gone (or
    a zombie, which holds no memory)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return None
    found = {name: int(rest.split()[0]) / 1024 for name, _, rest in
             (line.partition(":") for line in status) if name in ("VmRSS", "VmHWM")}
    return (found["VmRSS"], found["VmHWM"]) if len(found) == 2 else None


class TreeWatch:
    """Reads a process tree's memory in a thread of its own until ``stop``."""

    def __init__(self, root: int, every: float = EVERY) -> None:
        self.root, self.every = root, every
        self.own_peak_mb = self.tree_peak_mb = 0.0
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._watch, daemon=True)
        self.thread.start()

    def _watch(self) -> None:
        while not self.done.is_set():
            self.read()
            self.done.wait(self.every)

    def read(self) -> None:
        """One reading of the tree now."""
        readings = {pid: seen for pid in tree_of(self.root) if (seen := resident_mb(pid))}
        self.tree_peak_mb = max(self.tree_peak_mb, sum(now for now, _ in readings.values()))
        if self.root in readings:
            self.own_peak_mb = max(self.own_peak_mb, readings[self.root][1])

    def stop(self) -> None:
        self.done.set()
        self.thread.join()


def run_measured(command: list[str], env: dict[str, str] | None = None,
                 every: float = EVERY) -> Measured:
    """Run ``command`` (its output read, its errors dropped) with its memory watched."""
    started = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, text=True)
    watch = TreeWatch(child.pid, every)
    try:
        assert child.stdout is not None
        said = child.stdout.read()
    finally:
        watch.stop()  # the tree's last reading was taken before the command was reaped
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
    return Measured(said, child.returncode, time.perf_counter() - started,
                    usage.ru_utime + usage.ru_stime, round(watch.own_peak_mb, 1),
                    round(watch.tree_peak_mb, 1))
