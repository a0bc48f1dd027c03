"""The Hub's intake: its staff list self-referrals awaiting confirmation and confirm each one,
into a new story or, by a relationship claim with proof, into the person's existing story."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

import structlog
from fastapi import APIRouter, Depends, Path, Request, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from api.http.auth import admitted, caller_with_role, current_caller
from api.http.dependencies import AccessLogApp, LedgerApp
from api.http.front_door import IntakeApp
from api.http.request_bodies import Body, RecentInstant
from api.http.responses import POSITION_HEADER, WRITE_CODES, Registered, responses
from api.http.routes.claims import Reason
from api.http.tokens import Caller
from api.http.unique_names import UniqueNamesRoute
from api.http.worker_thread import in_worker_thread
from api.web.pages import page_response
from commands.access_log import Read
from commands.intake_confirm import check_hub, into_claimed_story, into_new_story
from ledger.event_lines import occurrence_of
from ledger.intake import REFERENCE_PATTERN
from ledger.values import Day, NhsNumber

router = APIRouter(route_class=UniqueNamesRoute, tags=["front door"])
log = structlog.get_logger("api")
Provider = Annotated[Caller, Depends(caller_with_role("provider"))]
_bearer = HTTPBearer(auto_error=False, description="A token from `ledger token`")
Reference = Annotated[str, Path(pattern=REFERENCE_PATTERN, description="e.g. SR-7KQ2MX4P")]


class NewStoryBody(Body):
    """When staff start the story; a birth date or NHS number they checked with the person."""

    occurred_at: RecentInstant
    birth_date: Day | None = None
    nhs_number: NhsNumber | None = None


class ClaimBody(Body):
    """Proof that an existing story is the person's (the request's own, unless given here)."""

    occurred_at: RecentInstant
    reason: Reason
    nhs_number: NhsNumber | None = None
    birth_date: Day | None = None


async def intake_reader(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Caller | None:
    """The Hub's staff member reading the intake; None for a browser opening the page there."""
    if credentials is None and "text/html" in request.headers.get("accept", ""):
        return None
    return admitted(await current_caller(request, credentials), ("provider",))


@router.get("/intake", response_model=None, responses=responses(401, 403, 422, 503))
@in_worker_thread
def awaiting_confirmation(caller: Annotated[Caller | None, Depends(intake_reader)],
                          ledger: LedgerApp, intake: IntakeApp) -> dict[str, Any] | Response:
    """Self-referrals awaiting confirmation, urgent first, then oldest first (Hub staff only);
    a browser asking for HTML with no token gets the ``/intake`` page, which holds no data."""
    if caller is None:
        return page_response("intake")
    assert caller.provider_id is not None
    check_hub(ledger, caller.provider_id)
    waiting = [{"reference": r.reference, "received_at": r.received_at.isoformat(),
                "urgent": r.urgent,
                "details": None if r.details is None else r.details.model_dump(mode="json")}
               for r in intake.awaiting()]
    log.info("intake_listed", count=len(waiting))
    return {"intake": waiting, "count": len(waiting)}


@router.post("/intake/{reference}/story", status_code=201, response_model=Registered,
             responses=responses(*WRITE_CODES))
@in_worker_thread
def confirm_into_new_story(reference: Reference, body: NewStoryBody, caller: Provider,
                           ledger: LedgerApp, intake: IntakeApp, response: Response) -> Registered:
    """Start a story from a self-referral: its registration, a web contact and a referral."""
    assert caller.provider_id is not None
    receipt = into_new_story(ledger, intake, reference, body.occurred_at, caller.provider_id,
                             caller.staff_id, body.birth_date, body.nhs_number)
    assert receipt.person_id is not None
    response.headers[POSITION_HEADER] = str(receipt.position)
    log.info("self_referral_confirmed", how="new_story")
    return Registered(person_id=receipt.person_id, version=receipt.version)


@router.post("/intake/{reference}/claim", status_code=201, response_model=Registered,
             responses=responses(*WRITE_CODES, 429))
@in_worker_thread
def confirm_into_existing_story(
    reference: Reference, body: ClaimBody, caller: Provider, ledger: LedgerApp,
    intake: IntakeApp, access_log: AccessLogApp, response: Response,
) -> Registered:
    """Attach a self-referral to the person's existing story by a relationship claim."""
    assert caller.provider_id is not None
    claim = occurrence_of("RelationshipClaimed", body.occurred_at, caller.provider_id,
                          caller.staff_id, {"reason": body.reason})
    receipt = into_claimed_story(ledger, intake, reference, claim, body.nhs_number, body.birth_date)
    assert receipt.person_id is not None
    access_log.record_read(receipt.person_id, Read(
        role=caller.role, provider_id=caller.provider_id, staff_id=caller.staff_id,
        reason=body.reason, break_glass=True, outcome="relationship_claim", at=datetime.now(UTC)))
    response.headers[POSITION_HEADER] = str(receipt.position)
    log.warning("relationship_claimed", provider_id=caller.provider_id)
    return Registered(person_id=receipt.person_id, version=receipt.version)
