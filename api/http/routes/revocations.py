"""Revoking tokens: an administrator withdraws a token before it expires (lost, stolen, leaver)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request, Response
from pydantic import StringConstraints

from api.http.auth import caller_with_role
from api.http.dependencies import LedgerApp
from api.http.request_bodies import Body
from api.http.responses import responses
from api.http.tokens import BadToken, Caller, verify
from api.http.unique_names import UniqueNamesRoute
from api.http.worker_thread import in_worker_thread

router = APIRouter(route_class=UniqueNamesRoute, tags=["tokens"])
Admin = Annotated[Caller, Depends(caller_with_role("admin"))]


class RevocationBody(Body):
    """The token to withdraw, as its holder presents it."""

    token: Annotated[str, StringConstraints(min_length=1, max_length=4096)]


@router.post("/tokens/revocations", status_code=204, response_class=Response,
             responses=responses(400, 401, 403, 413, 422, 503))
@in_worker_thread
def revoke_token(body: RevocationBody, caller: Admin, request: Request, ledger: LedgerApp) -> Response:
    """Withdraw a token of this deployment (expired or not); every later request with it is 401."""
    try:
        withdrawn = verify(body.token, request.app.state.signing_key, verify_expiry=False)
    except BadToken:
        raise HTTPException(422, [{"loc": ["body", "token"], "type": "value_error",
                                   "msg": "token: not a token of this deployment"}]) from None
    assert withdrawn.token_id is not None
    assert withdrawn.expires_at is not None
    ledger.log_recorder.revoked_tokens.revoke(withdrawn.token_id, withdrawn.expires_at, caller.staff_id)
    return Response(status_code=204)
