"""Authentication by default: every route but ``/health`` needs a valid bearer token.

The dependencies are coroutines, run on the event loop without a worker thread: a token's
signature and a role are checked in memory, and so is the revocation list while it is fresh. The
one look at the table it takes each second (``commands.revoked_tokens``) is asked from a worker
thread, never on the loop.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from api.http.tokens import BadToken, Caller, Role
from api.http.verified_tokens import VerifiedTokens

_bearer = HTTPBearer(auto_error=False, description="A token from `ledger token`")
UNAUTHORISED = {401: {"description": "Missing, forged or expired token"}}
FORBIDDEN = {403: {"description": "The caller's role may not do this"}}
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
_verified = VerifiedTokens()  # per process: a token's signature is checked once, its expiry always


def token_caller(request: Request, credentials: HTTPAuthorizationCredentials | None) -> Caller:
    """The caller the bearer token names, revocation not yet asked; 401 if none or not good."""
    if credentials is None:
        raise HTTPException(401, "Authorization: a bearer token is required",
                            headers={"WWW-Authenticate": "Bearer"})
    try:
        return _verified.caller(credentials.credentials, request.app.state.signing_key)
    except BadToken:
        raise HTTPException(401, "Authorization: the token is not valid",
                            headers={"WWW-Authenticate": "Bearer"}) from None


async def current_caller(request: Request, credentials: Credentials) -> Caller:
    """The caller named by the request's bearer token, or 401."""
    caller = token_caller(request, credentials)
    revoked_tokens = request.app.state.ledger.log_recorder.revoked_tokens
    revoked = revoked_tokens.known(caller.token_id or "")
    if revoked is None:  # the list is due a look at the table: not on the event loop
        revoked = await run_in_threadpool(revoked_tokens.is_revoked, caller.token_id or "")
    if revoked:
        raise HTTPException(401, "Authorization: the token was revoked",
                            headers={"WWW-Authenticate": "Bearer"})
    return caller


def admitted(caller: Caller, roles: tuple[Role, ...]) -> Caller:
    """The caller, if its role is one of ``roles`` (403 for others)."""
    if caller.role not in roles:
        raise HTTPException(403, f"Authorization: role {caller.role} may not do this")
    return caller


class BearerScheme(HTTPBearer):
    """The bearer scheme that finds the caller itself, in one dependency (no sub-dependency).

    FastAPI solves each ``Depends`` as a level of its own (tens of microseconds each: ``python -m
    bench.dependency_cost``); the caller took two, the scheme and then the check. An instance of
    the scheme's own class, named as ``_bearer`` is, documents the same security in OpenAPI.
    ``roles``, when given, admits only those (403 for others).
    """

    def __init__(self, roles: tuple[Role, ...] | None = None) -> None:
        super().__init__(auto_error=False, description=_bearer.model.description,
                         scheme_name=_bearer.scheme_name)
        self.roles = roles

    async def caller(self, request: Request) -> Caller:
        """The caller the request's bearer token names, admitted; 401 or 403 if not."""
        caller = await current_caller(request, await HTTPBearer.__call__(self, request))
        return caller if self.roles is None else admitted(caller, self.roles)


class BearerCaller(BearerScheme):
    """A dependency answering the caller (of ``roles``, when given), vetted."""

    async def __call__(self, request: Request) -> Caller:  # type: ignore[override]
        return self.vetted(request, await self.caller(request))

    def vetted(self, request: Request, caller: Caller) -> Caller:
        """The caller, once the check a route's access rule adds passes (none here; 403 if not)."""
        return caller


CurrentCaller = Annotated[Caller, Depends(BearerCaller())]


def caller_with_role(*roles: Role) -> BearerCaller:
    """A dependency admitting only callers with one of ``roles`` (403 for others)."""
    return BearerCaller(roles)
