"""Projection catch-up: the figures' runner over the new part of the log, beside the library's
own one-transaction-per-event runner (on a prefix) and the bare read-and-decode of the log.

The catch-up's CPU budget (``cpu``) counts this process (the projector runs in it, its decoding
workers are its children) and the PostgreSQL backends of its connections (named ``PROJECTOR``).
"""

from __future__ import annotations

import os
import time
from typing import Any

from bench.cpu_parties import Window, connections_named
from bench.projection_catchup import library_runner, read_and_decode
from bench.report import cpu_budget
from bench.scratch import ScratchSchemas
from projections.facts.log_sources import LedgerLog
from projections.facts.runner import FiguresRunner

PROJECTOR = "bench-catchup"
"""The application name of the catch-up's connections."""


def catch_up(env: dict[str, str]) -> tuple[int, float]:
    """Bring the schema's own figures up to the log: positions covered and seconds taken."""
    runner = FiguresRunner(env)
    try:
        before = runner.projector.position(runner.ledger)
        started = time.perf_counter()
        runner.catch_up()
        seconds = time.perf_counter() - started
        after = runner.projector.position(runner.ledger)
    finally:
        runner.stop()
    return max(after - before, 0), seconds


def measured(url: str, env: dict[str, str], baseline_events: int) -> dict[str, Any]:
    """The three rates on the log in ``env`` (whose figures are caught up by the first)."""
    with connections_named(PROJECTOR):
        window = Window(url, PROJECTOR)
        try:
            covered, seconds = catch_up(env)
        finally:
            spent = window.close()
    with LedgerLog(env=env) as log:  # the projector's own reader: its plain mapper opens no seal
        head = int(log.recorder.max_notification_id() or 0)
        started = time.perf_counter()
        read_and_decode(log, head)
        raw = head / (time.perf_counter() - started)
    with ScratchSchemas(url) as schemas:
        started = time.perf_counter()
        library_runner(env, schemas.new("per_event"), min(baseline_events, head))
        library = min(baseline_events, head) / (time.perf_counter() - started)
    return {"ledger_events_per_s": round(covered / seconds, 1) if seconds else 0.0,
            "library_runner_events_per_s": round(library, 1),
            "raw_read_events_per_s": round(raw, 1), "events_projected": covered,
            "library_runner_events": min(baseline_events, head),
            "cpu": cpu_budget({"projector": spent["this_process"], "postgres": spent["postgres"]},
                              spent["busy_s"], spent["all_s"], covered, os.cpu_count() or 1,
                              unit="event", beside={"postgres_cluster": spent["postgres_cluster"]})}
