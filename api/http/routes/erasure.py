"""Erasure: an administrator destroys a person's key, so their identifying details go unreadable.

The story, its clinical history and every figure built from it stay as they were; the erasure
itself is recorded in the audit log, not in the story.
"""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Response

from api.http.auth import caller_with_role
from api.http.dependencies import AuditLogApp, LedgerApp
from api.http.responses import responses
from api.http.tokens import Caller

router = APIRouter(tags=["stories"])
Admin = Annotated[Caller, Depends(caller_with_role("admin"))]


@router.delete("/people/{person_id}/identity", status_code=204, response_class=Response,
               responses=responses(401, 403, 404, 503))
def erase_identity(person_id: UUID, caller: Admin, ledger: LedgerApp,
                   audit_log: AuditLogApp) -> Response:
    """Erase a person's identifying details and free text (administrators); 404 if unknown."""
    ledger.erase_identity(person_id, audit_log, caller.staff_id, caller.role)
    return Response(status_code=204)
