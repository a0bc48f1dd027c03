"""The figures' side of the HTTP app: the runner (its settings handed in), and read-your-writes."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi import HTTPException

from api.http.errors import invalid_query
from projections.facts.runner import FiguresRunner


def start_figures(state: Any, env: dict[str, str], follow: bool, wait_seconds: float) -> None:
    """Build the figures' runner over the app's ledger, a read waiting up to ``wait_seconds`` for
    the write it names (``LEDGER_READ_WAIT_SECONDS``); follow the log unless a worker does."""
    state.figures = FiguresRunner(env, app=state.ledger, wait_seconds=wait_seconds)
    if follow:
        state.figures.start()


def stop_figures(state: Any) -> None:
    """Stop following and release the figures' connections."""
    figures = getattr(state, "figures", None)
    if figures is not None:
        figures.stop()


def reached(figures: FiguresRunner, after: int | None) -> None:
    """Wait until the figures include the write at log position ``after``, else 503.

    A position beyond the log's head names no write at all: refused at once (422), not waited for.
    """
    if after is None:
        return
    if after > int(figures.ledger.recorder.max_notification_id() or 0):
        raise invalid_query("after", "no write has this position yet")
    try:
        figures.wait(after)
    except TimeoutError:
        raise HTTPException(503, f"after: the figures have not yet reached position {after}",
                            headers={"Retry-After": "1"}) from None


def london_today() -> datetime:
    """Now, for "days waited so far" (the route reads the clock, never the projection)."""
    return datetime.now(UTC)
