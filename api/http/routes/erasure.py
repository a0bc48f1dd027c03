"""Erasure, by two people: an administrator requests it with a reason, a privacy officer approves.

Approving destroys the person's key, so their identifying details, free text and every reason
typed about them go unreadable. The story, its clinical history and every figure built from it
stay as they were; the request and the erasure are recorded in the audit log, not in the story.
"""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Response
from pydantic import BaseModel, Field, StringConstraints

from api.http.auth import caller_with_role
from api.http.dependencies import REASON_PATTERN, AuditLogApp, LedgerApp
from api.http.request_bodies import Body
from api.http.responses import responses
from api.http.tokens import Caller
from api.http.unique_names import UniqueNamesRoute
from api.http.worker_thread import in_worker_thread
from commands.erasure_requests import approve_erasure, request_erasure

router = APIRouter(route_class=UniqueNamesRoute, tags=["stories"])
Admin = Annotated[Caller, Depends(caller_with_role("admin"))]
PrivacyOfficer = Annotated[Caller, Depends(caller_with_role("privacy_officer"))]
Reason = Annotated[str, StringConstraints(min_length=15, max_length=2000, pattern=REASON_PATTERN)]


class ErasureRequestBody(Body):
    """Why the person's identifying details should be erased."""

    reason: Annotated[Reason, Field(description="At least three words: why the erasure is due")]


class ErasureRequested(BaseModel):
    """The request, pending until a privacy officer approves it."""

    person_id: UUID
    request: int = Field(description="The request's position in the audit log")


@router.post("/people/{person_id}/erasure-requests", status_code=202,
             response_model=ErasureRequested, responses=responses(400, 401, 403, 404, 413, 422, 503))
@in_worker_thread
def request_identity_erasure(person_id: UUID, body: ErasureRequestBody, caller: Admin,
                             ledger: LedgerApp, audit_log: AuditLogApp) -> ErasureRequested:
    """Request the erasure of a person's identifying details (administrators); 404 if unknown."""
    position = request_erasure(ledger, audit_log, person_id, caller.staff_id, caller.role,
                               body.reason)
    return ErasureRequested(person_id=person_id, request=position)


@router.delete("/people/{person_id}/identity", status_code=204, response_class=Response,
               responses=responses(401, 403, 404, 409, 503))
@in_worker_thread
def erase_identity(person_id: UUID, caller: PrivacyOfficer, ledger: LedgerApp,
                   audit_log: AuditLogApp) -> Response:
    """Approve a pending erasure request and erase (privacy officers); 409 if none is pending."""
    approve_erasure(ledger, audit_log, person_id, caller.staff_id, caller.role)
    return Response(status_code=204)
