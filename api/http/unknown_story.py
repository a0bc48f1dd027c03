"""The answer an unknown story gets, in the time a refused story takes: no timing oracle.

A provider with no care relationship gets exactly the answer an unknown story gets (404, the
same body), so that it cannot learn who has a story. The body alone is not enough: a refused
read of a real story loads the story and writes the refusal to the person's access log, while an
unknown id was answered after one empty lookup, and the difference (4.1 against 2.2 ms, median,
on an idle machine) told the two apart within a few hundred requests. So two things:

- the work is the same: a stranger's read of an unknown id is refused and logged like a stranger's
  read of a real story (``api.http.routes.story``; a privacy officer sees the probing too);
- the time is the same: every "no story" answer (a person's route, or a relationship claim that
  matched nothing: an unknown NHS number or a wrong birth date) leaves no sooner than
  ``LEDGER_UNKNOWN_STORY_FLOOR`` seconds after the request arrived (0.05 by default), waited on
  the event loop, never in a worker thread, so that waiting costs no thread and no connection.

``python -m bench.stranger_timing`` measures what is left (medians side by side).
"""

from __future__ import annotations

import asyncio
import time

from starlette.requests import Request
from starlette.types import Scope

ARRIVED = "arrived"  # where the request's arrival (``time.perf_counter()``) is kept in its scope
DEFAULT_FLOOR_SECONDS = 0.05


def note_arrival(scope: Scope, at: float) -> None:
    """Keep when the request arrived, for ``answer_no_sooner``."""
    scope.setdefault("state", {})[ARRIVED] = at


def floor_of(request: Request) -> float:
    """The deployment's floor (the default when the app was made without settings)."""
    settings = getattr(request.app.state, "settings", None)
    return float(getattr(settings, "unknown_story_floor", DEFAULT_FLOOR_SECONDS))


async def answer_no_sooner(request: Request) -> None:
    """Wait until the floor has passed since the request arrived (at once if it has)."""
    arrived = request.scope.get("state", {}).get(ARRIVED)
    if arrived is None:
        return
    left = arrived + floor_of(request) - time.perf_counter()
    if left > 0:
        await asyncio.sleep(left)
