"""Audits for analysts: a person's figure inputs, and the audit log of every audit made."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request
from pydantic import AfterValidator

from api.http.auth import caller_with_role
from api.http.consent_view import consent_given
from api.http.dependencies import REASON_PATTERN, AccessLogApp, AuditLogApp, LedgerApp, header_text
from api.http.figures_runner import reached
from api.http.responses import READ_CODES, responses
from api.http.tokens import Caller
from api.http.unique_names import UniqueNamesRoute
from api.http.worker_thread import in_worker_thread
from commands.access_log import Read
from ledger.values import Instant
from replay.figure_inputs import figure_inputs

router = APIRouter(route_class=UniqueNamesRoute, tags=["audit"], responses=responses(*READ_CODES))
Analyst = Annotated[Caller, Depends(caller_with_role("analyst"))]
AsOf = Annotated[Instant | None, Query(description="Only facts recorded at or before this instant")]
After = Annotated[int | None, Query(ge=0, description="Wait for a write's receipt position")]


Purpose = Annotated[str, Header(alias="X-Audit-Purpose", min_length=15, max_length=500,
                                pattern=REASON_PATTERN, description="Why the analyst needs them"),
                   AfterValidator(header_text)]


@router.get("/people/{person_id}/figure-inputs")
@in_worker_thread
def read_figure_inputs(request: Request, person_id: UUID, caller: Analyst, ledger: LedgerApp,
                       audit_log: AuditLogApp, access_log: AccessLogApp, purpose: Purpose,
                       as_of: AsOf = None, after: After = None) -> dict[str, Any]:
    """Every fact a person's events add to the figures, with version, recorded_at and retraction
    (with a stated purpose, flagged in the access log; never for a person who opted out)."""
    story = ledger.story(person_id)  # 404 for a person the ledger does not know
    opted_out = not consent_given(story, "research")
    access_log.record_read(person_id, Read(  # refused or not, the attempt is in the access log
        role=caller.role, provider_id=None, staff_id=caller.staff_id, reason=purpose,
        break_glass=True, outcome="refused" if opted_out else "figure_inputs_audit",
        at=datetime.now(UTC)))
    if opted_out:
        raise HTTPException(403, "consent: the person opted out of analysts' exports")
    reached(request.app.state.figures, after)
    audit_log.record(caller.staff_id, caller.role, "figure_inputs",
                     {"person_id": str(person_id), "as_of": as_of.isoformat() if as_of else None})
    inputs = figure_inputs(request.app.state.figures.view, person_id, as_of)
    return {"person_id": str(person_id), "as_of": as_of.isoformat() if as_of else None,
            "inputs": inputs}


@router.get("/audit-log")
@in_worker_thread
def read_audit_log(
    caller: Analyst, audit_log: AuditLogApp,
    after: Annotated[int, Query(ge=0, description="Entries after this position")] = 0,
    limit: Annotated[int, Query(ge=1, le=1000, description="At most this many entries")] = 100,
) -> dict[str, Any]:
    """Who replayed, exported or asked for figures as of an instant, when and what, oldest first."""
    entries = [entry.as_answer() for entry in audit_log.entries(after, limit)]
    following = entries[-1]["position"] if entries else after
    return {"entries": entries, "next": following}
