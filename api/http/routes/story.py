"""Reading stories: the care relationship, analysts and break-glass; every read is logged."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated
from uuid import UUID

import structlog
from fastapi import APIRouter, HTTPException, Query, Request, Response

from api.http.auth import CurrentCaller
from api.http.consent_view import within_consent
from api.http.dependencies import (
    AccessLogApp,
    AuditPurpose,
    BreakGlassReason,
    LedgerApp,
    access_log_in,
    ledger_in,
)
from api.http.person_access import OwnAccessLogAnswer, read_own_access_log, read_own_story
from api.http.person_view import OwnStoryAnswer
from api.http.read_access import (
    cares_for,
    may_read,
    may_read_access_log,
    reader_of,
    refuse_counted,
    refuse_stranger,
)
from api.http.responses import STORY_READ_CODES, AccessLogAnswer, ReadAnswer, responses
from api.http.story_view import StoryAnswer, story_answer
from api.http.tokens import ROLES_WITH_PROVIDER, Caller
from api.http.unique_names import UniqueNamesRoute
from api.http.worker_thread import in_worker_thread
from commands import Ledger
from commands.access_log import AccessLog, Read
from ledger.errors import UnknownPerson
from ledger.registration import no_story
from ledger.story import PersonStory
from ledger.values import Instant

router = APIRouter(route_class=UniqueNamesRoute, tags=["stories"])
log = structlog.get_logger("api")
AsOf = Annotated[Instant | None, Query(description="Only events recorded at or before this instant")]
Version = Annotated[int | None, Query(ge=1, description="Only events up to this version")]


@router.get("/people/{person_id}/story", response_model=StoryAnswer | OwnStoryAnswer,
            responses=responses(*STORY_READ_CODES))
@in_worker_thread
def read_story(
    person_id: UUID, caller: CurrentCaller, request: Request, response: Response,
    as_of: AsOf = None, version: Version = None,
    reason: BreakGlassReason = None, purpose: AuditPurpose = None,
) -> StoryAnswer:
    """A person's story, now or as recorded at an instant; every read goes in the access log."""
    # the applications from the request, not as dependencies: each is a level for FastAPI to solve
    ledger, access_log = ledger_in(request), access_log_in(request)
    if caller.role == "person":  # their own story as it stands, withheld entries marked
        return read_own_story(person_id, caller, ledger, access_log)
    story = admitted_story(person_id, caller, ledger, access_log, stated(caller, reason, purpose))
    answer = story_answer(story, as_of, version)
    response.headers["ETag"] = f'"{answer.version}"'
    return answer


def stated(caller: Caller, reason: str | None, purpose: str | None) -> str | None:
    """The reason a read rests on: an analyst's audit purpose, anyone else's break-glass reason."""
    return purpose if caller.role == "analyst" else reason


def refuse_role(caller: Caller) -> None:
    """A role that never reads a story is refused before the story is looked up, so that its
    answer is the same for a known and an unknown person (and no access log is opened)."""
    if caller.role not in ("analyst", *ROLES_WITH_PROVIDER):
        log.info("story_read", role=caller.role, outcome="refused")
        raise HTTPException(403, f"Authorization: role {caller.role} may not read a person's story")


def admitted_story(
    person_id: UUID, caller: Caller, ledger: Ledger, access_log: AccessLog, reason: str | None
) -> PersonStory:
    """The story, if the caller may read it; the read goes in the access log either way.

    A provider not in the directory (a token minted for a made-up code) is refused before
    anything else: it cannot break glass.
    """
    refuse_role(caller)
    service = ledger.service_of(caller.provider_id) if caller.provider_id is not None else ""
    try:
        story = ledger.story_to_read(person_id)
    except UnknownPerson:
        if caller.role in ROLES_WITH_PROVIDER and reason is None:  # as a refused stranger's read
            refuse_stranger(person_id, caller, access_log)
        raise
    now = datetime.now(UTC)
    decision = may_read(caller, story, reason, now)
    read = Read(role=caller.role, provider_id=caller.provider_id, staff_id=caller.staff_id,
                reason=reason, break_glass=decision.break_glass, outcome=decision.outcome, at=now)
    if not decision.allowed and caller.role in ROLES_WITH_PROVIDER:
        refuse_counted(person_id, read, reader_of(caller), access_log)
        raise no_story(person_id)  # a stranger learns nothing, not even that the story exists
    access_log.record_read(person_id, read)
    log.info("story_read", role=caller.role, outcome=decision.outcome,
             break_glass=decision.break_glass)
    if not decision.allowed:
        raise HTTPException(403, f"Authorization: {decision.refusal}")
    if caller.provider_id is None:
        return story
    return within_consent(story, caller.provider_id, service, decision.break_glass)


@router.get("/people/{person_id}/access-log", response_model=AccessLogAnswer | OwnAccessLogAnswer,
            responses=responses(*STORY_READ_CODES))
@in_worker_thread
def read_access_log(
    person_id: UUID, caller: CurrentCaller, ledger: LedgerApp, access_log: AccessLogApp
) -> AccessLogAnswer:
    """Who read a person's story, when, why and with what outcome (analysts, the key worker,
    the person). A stranger's refusal is counted and logged as on the story route."""
    if caller.role == "person":
        return read_own_access_log(person_id, caller, ledger, access_log)
    if caller.role not in ("analyst", *ROLES_WITH_PROVIDER):
        raise HTTPException(403, "Authorization: only analysts and the person's key worker")
    try:
        story = ledger.story_to_read(person_id)
    except UnknownPerson:
        if caller.role in ROLES_WITH_PROVIDER:  # as a refused stranger's read of a real story
            refuse_stranger(person_id, caller, access_log)
        raise
    if not may_read_access_log(caller, story):
        stranger = caller.provider_id is not None and not cares_for(
            caller.provider_id, story, datetime.now(UTC))
        if stranger:  # a 403 would tell a provider with no relationship that the story exists
            refuse_stranger(person_id, caller, access_log)
            raise no_story(person_id)
        raise HTTPException(403, "Authorization: only analysts and the person's key worker")
    reads = [ReadAnswer.model_validate(read.as_answer()) for read in access_log.reads(person_id)]
    return AccessLogAnswer(person_id=person_id, reads=reads)
