"""bench.cpu_budget reads from /proc the CPU a real process spends, its children, and the machine's."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

from bench.cpu_budget import (
    Sampler,
    cpu_seconds,
    descendants,
    machine_seconds,
    readings,
    snapshot,
    spent,
)

BURN = "import time\nend = time.process_time() + {seconds}\nwhile time.process_time() < end: pass\n"
"""A program that spends ``seconds`` of CPU, then ends."""


def until_spent(pid: int, seconds: float, deadline: float = 10.0) -> None:
    """Wait until the process has spent ``seconds`` of CPU (a tick short counts), or ``deadline``."""
    end = time.monotonic() + deadline
    while (cpu_seconds(pid) or 0.0) < seconds - 0.02 and time.monotonic() < end:
        time.sleep(0.05)


@contextmanager
def started(program: str) -> Iterator[subprocess.Popen[bytes]]:
    """A Python process running ``program``, killed at the end of the block."""
    child = subprocess.Popen([sys.executable, "-c", program])
    try:
        yield child
    finally:
        child.kill()
        child.wait()


def test_a_process_that_spends_half_a_second_is_read_as_spending_it() -> None:
    """A child burning 0.5 s of CPU then waiting: its reading grows by 0.5 s (to a tick or two)."""
    with started(BURN.format(seconds=0.5) + "time.sleep(30)") as child:
        before = cpu_seconds(child.pid)
        until_spent(child.pid, 0.5)
        time.sleep(0.2)
        after = cpu_seconds(child.pid)
    assert before is not None
    assert after is not None
    assert 0.4 <= after - before <= 0.6


def test_a_sleeping_process_spends_nothing_over_a_window() -> None:
    """Between two snapshots a sleeping child's CPU does not move."""
    with started("import time; time.sleep(30)") as child:
        time.sleep(0.3)  # past the interpreter's start
        first = snapshot()
        time.sleep(0.3)
        last = snapshot()
    assert spent(readings(first), readings(last), [child.pid]) < 0.02


def test_a_child_is_in_its_parents_tree_in_a_snapshot() -> None:
    """A process this one started is among this one's descendants, and not the other way round."""
    with started("import time; time.sleep(30)") as child:
        taken = snapshot()
    assert {os.getpid(), child.pid} <= descendants(taken, os.getpid())
    assert os.getpid() not in descendants(taken, child.pid)


def test_the_machine_is_busy_at_least_as_long_as_a_process_burning_on_it() -> None:
    """The cores' busy time over a window holds the CPU a process spent in it."""
    with started(BURN.format(seconds=0.6) + "time.sleep(30)") as child:
        first, busy_before = snapshot(), machine_seconds()[0]
        until_spent(child.pid, 0.6)
        last, busy_after = snapshot(), machine_seconds()[0]
    burnt = spent(readings(first), readings(last), [child.pid])
    assert burnt >= 0.3
    assert busy_after - busy_before >= burnt - 0.05


def test_a_process_born_and_gone_in_a_window_is_counted_by_the_sampler() -> None:
    """A child that burns 0.4 s and exits inside the window: snapshots at the ends lose it, the
    sampler (reading while it lives) keeps it."""
    children: list[int] = []
    sampler = Sampler(lambda: children, every=0.02)
    first = snapshot()
    child = subprocess.Popen([sys.executable, "-c", BURN.format(seconds=0.4)])
    children.append(child.pid)
    child.wait()
    assert spent(readings(first), readings(snapshot()), [child.pid]) == 0.0
    assert sampler.stop() >= 0.3


def test_a_process_born_between_two_readings_counts_from_zero() -> None:
    """One present only in the second reading counts all of it; one gone by then counts nothing."""
    assert spent({1: 5.0, 2: 3.0}, {1: 6.0, 3: 0.5}, [1, 2, 3]) == 1.5


def test_the_machines_seconds_are_its_cores_times_the_wall_time_and_busy_is_less() -> None:
    """Over half a second the cores give about cores times the wall time (bracketed by the
    clock read on either side of each reading), of which busy is a part."""
    outer_start = time.monotonic()
    busy_before, all_before = machine_seconds()
    inner_start = time.monotonic()
    time.sleep(0.5)
    inner_end = time.monotonic()
    busy_after, all_after = machine_seconds()
    outer_end = time.monotonic()
    cores = os.cpu_count() or 1
    assert 0.9 * cores * (inner_end - inner_start) - 0.05 <= all_after - all_before
    assert all_after - all_before <= 1.1 * cores * (outer_end - outer_start) + 0.05
    assert 0 <= busy_after - busy_before <= all_after - all_before
