"""The lists staff work from: a provider's waiting list and caseload, a key worker's people.

Each reads the indexed list tables (``projections.worklists``), never a story, and names only
the people the caller's provider may read (``api.http.named``); listing is not reading.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request

from api.http.auth import FORBIDDEN, UNAUTHORISED, BearerCaller
from api.http.dependencies import ProviderCode, ProviderQuery, StaffCode, ledger_in
from api.http.figures_runner import london_today, reached
from api.http.intake_waiting import self_referral_entries
from api.http.list_pages import DEFAULT_LIMIT, Cursor, Limit, cursor_of, position
from api.http.tokens import Caller, Role
from api.http.unique_names import UniqueNamesRoute
from api.http.worker_thread import in_worker_thread
from api.http.worklist_rows import (
    CASELOAD_ORDER,
    KEY_WORKER_ORDER,
    WAITING_ORDER,
    caseload_bound,
    caseload_page,
    key_worker_bound,
    key_worker_page,
    waiting_bound,
    waiting_key,
    waiting_page,
)
from commands.intake_confirm import HUB
from projections.calendar import london_date

RESPONSES: dict[int | str, dict[str, Any]] = {
    401: UNAUTHORISED[401], 403: FORBIDDEN[403], 503: {"description": "Lists not yet caught up"}}
router = APIRouter(route_class=UniqueNamesRoute, tags=["lists"], responses=RESPONSES)
STAFF: tuple[Role, ...] = ("provider", "key_worker", "analyst")
After = Annotated[int | None, Query(ge=0, description="Wait for a write's receipt position")]


# Who may read a list is settled first, from the path as sent, before FastAPI checks the query:
# a caller without access hears 401 or 403 whatever ``limit``, ``cursor`` or ``on`` it sent.
# Each check is the bearer scheme's own dependency (one level for FastAPI to solve, not two).
class _ProviderReader(BearerCaller):
    """Staff of the provider in the path, or an analyst."""

    def vetted(self, request: Request, caller: Caller) -> Caller:
        if caller.role != "analyst" and caller.provider_id != request.path_params.get("provider_id"):
            raise HTTPException(403, "Authorization: staff see only their own provider's lists")
        return caller


class _KeyWorkerReader(BearerCaller):
    """The key worker in the path (at their own provider, if one is asked), or an analyst."""

    def vetted(self, request: Request, caller: Caller) -> Caller:
        asked = request.query_params.get("provider")
        if caller.role != "analyst" and (caller.staff_id != request.path_params.get("staff_id")
                                         or asked not in (None, caller.provider_id)):
            raise HTTPException(403, "Authorization: key workers see only their own caseload")
        return caller


ProviderReader = Annotated[Caller, Depends(_ProviderReader(STAFF))]
KeyWorkerReader = Annotated[Caller, Depends(_KeyWorkerReader(STAFF))]


@router.get("/providers/{provider_id}/caseload")
@in_worker_thread
def provider_caseload(request: Request, provider_id: ProviderCode, caller: ProviderReader,
                      after: After = None, on: date | None = None,
                      limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None) -> dict[str, Any]:
    """People on a provider's caseload on a date (today when not given), named, a page at a
    time: longest referred first; ``count`` is the whole caseload, ``next`` the next page."""
    ledger = ledger_in(request)  # from the request: a dependency is a level for FastAPI to solve
    start = position(cursor, caseload_bound(provider_id), CASELOAD_ORDER)
    reached(request.app.state.figures, after)
    now = london_today()
    day = on or london_date(now)
    page = caseload_page(request.app.state.figures.view, ledger, caller, provider_id, day, now,
                         start, limit)
    return {"provider_id": provider_id, "on": day.isoformat(), "people": page.rows,
            "count": page.total, "next": page.next}


@router.get("/providers/{provider_id}/waiting-list")
@in_worker_thread
def provider_waiting_list(request: Request, provider_id: ProviderCode, caller: ProviderReader,
                          after: After = None, limit: Limit = DEFAULT_LIMIT,
                          cursor: Cursor = None) -> dict[str, Any]:
    """A provider's open, unseen referrals, by priority then age, named, with days waited, a
    page at a time; ``count`` is the whole list, ``next`` the next page."""
    ledger = ledger_in(request)
    start = position(cursor, waiting_bound(provider_id), WAITING_ORDER)
    reached(request.app.state.figures, after)
    now = london_today()
    page = waiting_page(request.app.state.figures.view, ledger, caller, provider_id, now,
                        start, limit)
    waits, total = page.rows, page.total
    if caller.role == "provider" and ledger.service_of(provider_id) == HUB:  # the Hub's own staff
        asking = self_referral_entries(request.app.state.intake, london_date(now))
        total += len(asking)
        since = None if start is None else (int(start[0]), datetime.fromisoformat(start[1]),
                                            *start[2:])
        waits += [w for w in asking if since is None or waiting_key(w) > since]
    waits = sorted(waits, key=waiting_key)
    more = len(waits) > limit
    waits = waits[:limit]
    return {"provider_id": provider_id, "on": london_date(now).isoformat(), "waiting": waits,
            "count": total,
            "next": cursor_of(waiting_bound(provider_id), waiting_key(waits[-1])) if more else None}


@router.get("/key-workers/{staff_id}/caseload")
@in_worker_thread
def key_worker_people(
    request: Request, staff_id: StaffCode, caller: KeyWorkerReader, after: After = None,
    provider: ProviderQuery = None, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None,
) -> dict[str, Any]:
    """People whose current key worker is this staff member *at its provider* (the worker
    themselves, or an analyst naming the provider): "My people", a page at a time by id."""
    ledger = ledger_in(request)
    employer = provider if caller.role == "analyst" else caller.provider_id
    if employer is None:
        raise HTTPException(422, [{"loc": ["query", "provider"], "type": "missing",
                                   "msg": "provider: name the key worker's provider"}])
    start = position(cursor, key_worker_bound(employer, staff_id), KEY_WORKER_ORDER)
    reached(request.app.state.figures, after)
    now = london_today()
    page = key_worker_page(request.app.state.figures.view, ledger, caller, employer, staff_id, now,
                           start, limit)
    return {"provider_id": employer, "staff_id": staff_id, "on": london_date(now).isoformat(),
            "people": page.rows, "count": page.total, "next": page.next}

