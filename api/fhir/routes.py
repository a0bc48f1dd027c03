"""The story as FHIR: the same access rules and access log as the story itself."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter

from api.fhir.bundle import story_bundle
from api.http.auth import CurrentCaller
from api.http.dependencies import AccessLogApp, AuditPurpose, BreakGlassReason, LedgerApp
from api.http.person_access import own_story
from api.http.person_view import visible_story
from api.http.responses import STORY_READ_CODES, responses
from api.http.routes.story import admitted_story, stated
from api.http.worker_thread import in_worker_thread

router = APIRouter(tags=["stories"])


@router.get("/people/{person_id}/fhir", responses=responses(*STORY_READ_CODES))
@in_worker_thread
def read_story_as_fhir(
    person_id: UUID, caller: CurrentCaller, ledger: LedgerApp, access_log: AccessLogApp,
    reason: BreakGlassReason = None, purpose: AuditPurpose = None,
) -> dict[str, Any]:
    """A person's story as a FHIR R4B collection Bundle; every read goes in the access log."""
    if caller.role == "person":  # their own story, withheld entries left out
        return story_bundle(visible_story(own_story(person_id, caller, ledger, access_log)))
    why = stated(caller, reason, purpose)
    return story_bundle(admitted_story(person_id, caller, ledger, access_log, why))
