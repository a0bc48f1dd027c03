"""Finding a person: ``POST /people/search`` with the terms in the body, never in the address
(addresses are logged by proxies and kept in browser history)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from api.http.auth import FORBIDDEN, UNAUTHORISED, caller_with_role
from api.http.dependencies import LedgerApp
from api.http.figures_runner import london_today, reached
from api.http.name_search import search
from api.http.responses import responses
from api.http.tokens import Caller
from api.http.unique_names import UniqueNamesRoute
from api.http.worker_thread import in_worker_thread

router = APIRouter(route_class=UniqueNamesRoute, tags=["lists"], responses={
    401: UNAUTHORISED[401], 403: FORBIDDEN[403], 503: {"description": "Lists not yet caught up"}})
Searcher = Annotated[Caller, Depends(caller_with_role("provider", "key_worker"))]
Terms = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=100,
                                         pattern=r"^[^\x00-\x1f]+$")]


class SearchBody(BaseModel):
    """What to look for: a name (or part of one), or an NHS number."""

    model_config = ConfigDict(extra="forbid")
    query: Terms = Field(description="A name, words of it, or a ten-digit NHS number")
    after: int | None = Field(None, ge=0, description="Wait for a write's receipt position")


@router.post("/people/search", responses=responses(400, 401, 403, 413, 422, 503))
@in_worker_thread
def find_people(request: Request, body: SearchBody, caller: Searcher,
                ledger: LedgerApp) -> dict[str, Any]:
    """People the caller's provider may read whose name or NHS number matches; nobody else, and
    the same answer whether or not someone else matches. Nothing is written to access logs."""
    reached(request.app.state.figures, body.after)
    people = search(request.app.state.figures.view, ledger, caller, body.query, london_today())
    return {"people": people, "count": len(people)}
