"""Projection catch-up: the figures' runner over the new part of the log, beside the library's
own one-transaction-per-event runner (on a prefix) and the bare read-and-decode of the log."""

from __future__ import annotations

import time
from typing import Any

from bench.projection_catchup import library_runner, read_and_decode
from bench.scratch import ScratchSchemas
from projections.facts.log_sources import LedgerLog
from projections.facts.runner import FiguresRunner


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
    covered, seconds = catch_up(env)
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
            "library_runner_events": min(baseline_events, head)}
