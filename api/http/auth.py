"""Authentication by default: every route but ``/health`` needs a valid bearer token."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from api.http.tokens import BadToken, Caller, Role
from api.http.verified_tokens import VerifiedTokens

_bearer = HTTPBearer(auto_error=False, description="A token from `ledger token`")
UNAUTHORISED = {401: {"description": "Missing, forged or expired token"}}
FORBIDDEN = {403: {"description": "The caller's role may not do this"}}
_verified = VerifiedTokens()  # per process: a token's signature is checked once, its expiry always


def current_caller(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Caller:
    """The caller named by the request's bearer token, or 401."""
    if credentials is None:
        raise HTTPException(401, "Authorization: a bearer token is required",
                            headers={"WWW-Authenticate": "Bearer"})
    try:
        caller = _verified.caller(credentials.credentials, request.app.state.signing_key)
    except BadToken:
        raise HTTPException(401, "Authorization: the token is not valid",
                            headers={"WWW-Authenticate": "Bearer"}) from None
    if request.app.state.ledger.log_recorder.revoked_tokens.is_revoked(caller.token_id or ""):
        raise HTTPException(401, "Authorization: the token was revoked",
                            headers={"WWW-Authenticate": "Bearer"})
    return caller


CurrentCaller = Annotated[Caller, Depends(current_caller)]


def caller_with_role(*roles: Role) -> Callable[[Caller], Caller]:
    """A dependency admitting only callers with one of ``roles`` (403 for others)."""

    def admit(caller: CurrentCaller) -> Caller:
        if caller.role not in roles:
            raise HTTPException(403, f"Authorization: role {caller.role} may not do this")
        return caller

    return admit
