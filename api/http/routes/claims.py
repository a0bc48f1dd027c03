"""Relationship claims: the Hub or a GP practice meets someone who already has a story.

Instead of learning a story's id from a 409, the front door proves the story is the person's
(NHS number and birth date) and says why it needs it; the claim is an event in the story and is
flagged in the access log, where the privacy officer's break-glass report lists it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

import structlog
from fastapi import APIRouter, Depends
from pydantic import Field, StringConstraints

from api.http.auth import caller_with_role
from api.http.dependencies import REASON_PATTERN, AccessLogApp, LedgerApp
from api.http.request_bodies import Body, RecentInstant
from api.http.responses import WRITE_CODES, Registered, responses
from api.http.tokens import Caller
from api.http.unique_names import UniqueNamesRoute
from api.http.worker_thread import in_worker_thread
from commands.access_log import Read
from ledger.event_lines import occurrence_of
from ledger.values import Day, NhsNumber

router = APIRouter(route_class=UniqueNamesRoute, tags=["stories"])
log = structlog.get_logger("api")
Provider = Annotated[Caller, Depends(caller_with_role("provider"))]
Reason = Annotated[str, StringConstraints(min_length=15, max_length=2000, pattern=REASON_PATTERN)]


class ClaimBody(Body):
    """Proof that the story is the person's, and why the front door needs it."""

    occurred_at: RecentInstant
    nhs_number: NhsNumber
    birth_date: Day
    reason: Annotated[Reason, Field(description="At least three words: why the story is needed")]


@router.post("/people/claims", status_code=201, response_model=Registered,
             responses=responses(*WRITE_CODES, 403, 429))
@in_worker_thread
def claim_relationship(
    body: ClaimBody, caller: Provider, ledger: LedgerApp, access_log: AccessLogApp
) -> Registered:
    """Record a relationship claim in the matching story (Hub or GP only); flagged for review."""
    assert caller.provider_id is not None
    occurrence = occurrence_of("RelationshipClaimed", body.occurred_at, caller.provider_id,
                               caller.staff_id, {"reason": body.reason})
    receipt = ledger.claim_relationship(body.nhs_number, body.birth_date, occurrence)
    assert receipt.person_id is not None
    read = Read(role=caller.role, provider_id=caller.provider_id, staff_id=caller.staff_id,
                reason=body.reason, break_glass=True, outcome="relationship_claim",
                at=datetime.now(UTC))
    access_log.record_read(receipt.person_id, read)
    log.warning("relationship_claimed", provider_id=caller.provider_id)
    return Registered(person_id=receipt.person_id, version=receipt.version)
