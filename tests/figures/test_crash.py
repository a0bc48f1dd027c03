"""A projection worker killed mid-batch and restarted leaves every figure as a from-scratch run."""

from __future__ import annotations

import signal
import subprocess
import time

from console_script import LEDGER, ledger_env

from bench.log_generator import borough_lines
from commands import Ledger
from commands.bulk_import import BulkImport
from projections.facts.runner import FiguresRunner
from tests.figures.exact_figures import ORACLE, figures, fresh_env


def _worker(database_url: str, schema: str, *args: str) -> subprocess.Popen[bytes]:
    env = ledger_env(database_url, schema)
    command = [LEDGER, "project", "--batch-size", "50", *args]
    # our own console script with fixed arguments, not untrusted input
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _kill_when_half_done(worker: subprocess.Popen[bytes], runner: FiguresRunner, head: int) -> int:
    deadline = time.monotonic() + 60
    while (position := runner.projector.position(runner.ledger)) < head // 3:
        assert time.monotonic() < deadline, "the worker made no progress"
        time.sleep(0.01)
    worker.send_signal(signal.SIGKILL)
    worker.wait()
    return position


def test_killed_worker_resumes_to_the_same_figures(env: dict[str, str], ledger: Ledger,
                                                   database_url: str, schema: str) -> None:
    """SIGKILL mid-catch-up, restart: every figure equals a from-scratch projection's."""
    BulkImport(ledger, batch_size=1000).run(enumerate(borough_lines(6000), 1), lambda n: None)
    head = int(ledger.recorder.max_notification_id())
    watcher = FiguresRunner(env, app=ledger)
    position = _kill_when_half_done(_worker(database_url, schema), watcher, head)
    assert 0 < watcher.projector.position(watcher.ledger) < head, position
    restarted = _worker(database_url, schema, "--once")
    assert restarted.wait(timeout=120) == 0, restarted.stderr.read() if restarted.stderr else ""
    scratch = FiguresRunner(fresh_env(database_url), app=ledger)
    scratch.catch_up()
    try:
        assert watcher.projector.position(watcher.ledger) == head
        for metric in ORACLE:
            assert figures(watcher, metric) == figures(scratch, metric), metric
    finally:
        watcher.stop()
        scratch.stop()
