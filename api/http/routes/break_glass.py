"""The privacy officer's report: every break-glass read and relationship claim, across people."""

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


@router.get("/break-glass")
@in_worker_thread
def break_glass_report(
    caller: Reviewer, access_log: AccessLogApp,
    provider: Annotated[Identifier | None, Query(description="Only this provider's staff")] = None,
    since: Annotated[Instant | None, Query(alias="from", description="From this instant")] = None,
    until: Annotated[Instant | None, Query(alias="to", description="Up to this instant")] = None,
    limit: Annotated[int, Query(ge=1, le=1000, description="At most this many entries")] = 100,
) -> dict[str, Any]:
    """Every break-glass read and relationship claim, newest first (privacy officers, analysts)."""
    flagged = access_log.flagged(provider, since, until, limit)
    return {"entries": [{"person_id": str(person_id), **read.as_answer()}
                        for person_id, read in flagged]}
