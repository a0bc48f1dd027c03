"""bench.import_cpu counts the CPU of a process and of every process it started."""

from __future__ import annotations

import os
import subprocess
import sys

from bench.import_cpu import cpu_seconds, tree_of


def test_a_child_is_counted_in_its_parents_tree() -> None:
    """A process started by this one appears in this one's tree, beside it."""
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(5)"])
    try:
        assert {os.getpid(), child.pid} <= set(tree_of(os.getpid()))
    finally:
        child.kill()
        child.wait()


def test_a_process_gone_has_no_reading() -> None:
    """Once a process has exited and been reaped, its CPU is not read."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    assert cpu_seconds(child.pid) is None
