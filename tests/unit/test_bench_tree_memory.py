"""bench.tree_memory reports the memory of the command it ran and of what that command started,
never the memory of the process that measures, nor of a command measured before."""

from __future__ import annotations

import sys

from bench.tree_memory import run_measured

HOLD_200_MB = "import time; held = b'x' * (200 << 20); time.sleep(0.6)"
"""A program that holds 200 MB, resident (every page written), long enough to be read."""


def python(program: str) -> list[str]:
    return [sys.executable, "-c", program]


def test_a_command_holding_memory_is_reported_as_its_own() -> None:
    """A command that holds 200 MB has an own peak of at least 200 MB."""
    measured = run_measured(python(HOLD_200_MB), every=0.02)
    assert measured.exit_code == 0
    assert measured.own_peak_mb >= 200


def test_a_descendant_holding_memory_counts_in_the_tree_not_in_the_command() -> None:
    """A worker started by the command counts in the tree's peak, not in the command's own."""
    starts_worker = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {HOLD_200_MB!r}])"
    measured = run_measured(python(starts_worker), every=0.02)
    assert measured.tree_peak_mb >= 200
    assert measured.own_peak_mb < 100


def test_the_measuring_process_lends_the_command_none_of_its_size() -> None:
    """Grown to 400 MB before it starts a small command, the measurer reports the command's size
    (``wait4``'s ``ru_maxrss`` reported the measurer's 400 MB)."""
    held = b"x" * (400 << 20)
    measured = run_measured(python("import time; time.sleep(0.3)"), every=0.02)
    assert len(held) == 400 << 20  # still held while the command ran
    assert measured.own_peak_mb < 100
    assert measured.tree_peak_mb < 100


def test_a_command_measured_before_lends_the_next_none_of_its_size() -> None:
    """After a command that held 200 MB, a small one is reported small."""
    run_measured(python(HOLD_200_MB), every=0.02)
    measured = run_measured(python("import time; time.sleep(0.3)"), every=0.02)
    assert measured.own_peak_mb < 100
    assert measured.tree_peak_mb < 100
