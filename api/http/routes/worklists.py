"""The lists staff work from: a provider's waiting list and caseload, a key worker's people.

Each reads the indexed list tables (``projections.worklists``), never a story, and names only
the people the caller's provider may read (``api.http.named``); listing is not reading.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request

from api.http.auth import FORBIDDEN, UNAUTHORISED, caller_with_role
from api.http.dependencies import LedgerApp, ProviderCode, ProviderQuery, StaffCode
from api.http.figures_runner import london_today, reached
from api.http.intake_waiting import self_referral_entries
from api.http.tokens import Caller
from api.http.worklist_rows import PRIORITY_ORDER, caseload_rows, key_worker_rows, waiting_rows
from commands.intake_confirm import HUB
from projections.calendar import london_date

RESPONSES: dict[int | str, dict[str, Any]] = {
    401: UNAUTHORISED[401], 403: FORBIDDEN[403], 503: {"description": "Lists not yet caught up"}}
router = APIRouter(tags=["lists"], responses=RESPONSES)
Staff = Annotated[Caller, Depends(caller_with_role("provider", "key_worker", "analyst"))]
After = Annotated[int | None, Query(ge=0, description="Wait for a write's receipt position")]


def _own_provider(caller: Caller, provider_id: str) -> None:
    if caller.role != "analyst" and caller.provider_id != provider_id:
        raise HTTPException(403, "Authorization: staff see only their own provider's lists")


@router.get("/providers/{provider_id}/caseload")
def provider_caseload(request: Request, provider_id: ProviderCode, caller: Staff, ledger: LedgerApp,
                      after: After = None, on: date | None = None) -> dict[str, Any]:
    """People on a provider's caseload on a date (today when not given), named."""
    _own_provider(caller, provider_id)
    reached(request.app.state.figures, after)
    now = london_today()
    day = on or london_date(now)
    people = caseload_rows(request.app.state.figures.view, ledger, caller, provider_id, day, now)
    return {"provider_id": provider_id, "on": day.isoformat(), "people": people,
            "count": len(people)}


@router.get("/providers/{provider_id}/waiting-list")
def provider_waiting_list(request: Request, provider_id: ProviderCode, caller: Staff,
                          ledger: LedgerApp, after: After = None) -> dict[str, Any]:
    """A provider's open, unseen referrals, by priority then age, named, with days waited."""
    _own_provider(caller, provider_id)
    reached(request.app.state.figures, after)
    now = london_today()
    waits = waiting_rows(request.app.state.figures.view, ledger, caller, provider_id, now)
    if caller.role == "provider" and ledger.service_of(provider_id) == HUB:  # the Hub's own staff
        waits = sorted(waits + self_referral_entries(request.app.state.intake, london_date(now)),
                       key=lambda w: (PRIORITY_ORDER.get(w["priority"], 9), w["received_at"]))
    return {"provider_id": provider_id, "on": london_date(now).isoformat(), "waiting": waits,
            "count": len(waits)}


@router.get("/key-workers/{staff_id}/caseload")
def key_worker_people(
    request: Request, staff_id: StaffCode, caller: Staff, ledger: LedgerApp, after: After = None,
    provider: ProviderQuery = None,
) -> dict[str, Any]:
    """People whose current key worker is this staff member *at its provider* (the worker
    themselves, or an analyst naming the provider): "My people"."""
    employer = provider if caller.role == "analyst" else caller.provider_id
    if caller.role != "analyst" and (caller.staff_id != staff_id or provider not in (None, employer)):
        raise HTTPException(403, "Authorization: key workers see only their own caseload")
    if employer is None:
        raise HTTPException(422, [{"loc": ["query", "provider"], "type": "missing",
                                   "msg": "provider: name the key worker's provider"}])
    reached(request.app.state.figures, after)
    now = london_today()
    people = key_worker_rows(request.app.state.figures.view, ledger, caller, employer, staff_id, now)
    return {"provider_id": employer, "staff_id": staff_id, "on": london_date(now).isoformat(),
            "people": people, "count": len(people)}

