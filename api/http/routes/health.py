"""Health: open to anyone, answers once the store answers."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from api.http.tokens import BadToken, verify
from api.http.unique_names import UniqueNamesRoute
from api.http.worker_thread import in_worker_thread

router = APIRouter(route_class=UniqueNamesRoute, tags=["health"])
OPERATORS = ("admin", "analyst")
_bearer = HTTPBearer(auto_error=False, description="An admin's or analyst's token adds the positions")


def is_operator(request: Request, credentials: HTTPAuthorizationCredentials | None) -> bool:
    """Whether the request carries a valid admin or analyst token (log positions are theirs)."""
    if credentials is None:
        return False
    try:
        caller = verify(credentials.credentials, request.app.state.signing_key)
    except BadToken:
        return False
    revoked = request.app.state.ledger.log_recorder.revoked_tokens.is_revoked(caller.token_id or "")
    return caller.role in OPERATORS and not revoked


@router.get("/health", responses={503: {"description": "The store does not answer"}})
@in_worker_thread
def health(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> dict[str, Any]:
    """Whether the ledger and its store are up; log positions only for an operator's token."""
    try:
        request.app.state.ledger.recorder.max_notification_id()
        figures = getattr(request.app.state, "figures", None)
        projections = {} if figures is None else {"figures": {**figures.lag(), "error": figures.last_error}}
    except Exception as error:
        raise HTTPException(status_code=503, detail="the store does not answer") from error
    if not is_operator(request, credentials):
        return {"status": "ok"}  # counting entries must not show a stranger that a story exists
    return {"status": "ok", "projections": projections}
