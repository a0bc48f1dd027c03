"""The privacy officer's report of probing: who was refused too many story reads, and when.

A reader (a provider's staff member, or a person's token, counted by the story it names) whose
story reads were refused more than ``LEDGER_REFUSED_READ_LIMIT`` times within a window got 429
for the rest of it (``commands.read_limit``); each such window is listed here, newest first:
how many reads were refused in it, how many of those past the limit, and when the first and the
last of those came. Never which ids were asked for.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from api.http.auth import caller_with_role
from api.http.dependencies import AccessLogApp
from api.http.responses import READ_CODES, responses
from api.http.tokens import Caller
from api.http.unique_names import UniqueNamesRoute
from api.http.worker_thread import in_worker_thread
from ledger.values import Identifier, Instant

router = APIRouter(route_class=UniqueNamesRoute, tags=["privacy"], responses=responses(*READ_CODES))
Reviewer = Annotated[Caller, Depends(caller_with_role("privacy_officer", "analyst"))]
Since = Annotated[Instant | None, Query(alias="from", description="Limited from this instant")]
Until = Annotated[Instant | None, Query(alias="to", description="Limited up to this instant")]
INSTANTS = ("window_start", "window_end", "first_limited_at", "last_limited_at")


@router.get("/refused-reads")
@in_worker_thread
def limited_readers(
    caller: Reviewer, access_log: AccessLogApp,
    provider: Annotated[Identifier | None, Query(description="Only this provider's staff")] = None,
    since: Since = None, until: Until = None,
    limit: Annotated[int, Query(ge=1, le=1000, description="At most this many entries")] = 100,
) -> dict[str, Any]:
    """Every window in which a reader passed the limit on refused story reads, newest first
    (privacy officers, analysts)."""
    table = access_log.recorder.refused  # type: ignore[attr-defined]
    rows = table.limited(provider, since, until, limit)
    return {"entries": [{**row, **{name: row[name].isoformat() for name in INSTANTS}}
                        for row in rows]}
