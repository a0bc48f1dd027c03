"""The public front door: anyone may ask the Hub for help, with no token.

The request lands in the Hub's intake and nowhere else: it never looks at, or writes into, any
story, so its answer and what it writes are the same whoever it names. The answer holds a
reference and what happens next, never personal data; an urgent request's answer holds the
crisis lines, and it raises an alert to the Hub's on-call list through the outbox.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

import structlog
from fastapi import APIRouter, Depends
from pydantic import StringConstraints

from api.http.front_door import IntakeApp, small_body, within_rate
from api.http.responses import responses
from api.http.unique_names import UniqueNamesRoute
from api.http.worker_thread import in_worker_thread
from ledger.self_referral import SelfReferralDetails

router = APIRouter(route_class=UniqueNamesRoute, tags=["front door"])
log = structlog.get_logger("api")
CRISIS_LINES = [
    {"name": "Emergency services", "how": "Call 999 if your life, or someone else's, is in danger now"},
    {"name": "NHS 111", "how": "Call 111 and choose the mental health option, day or night"},
    {"name": "Samaritans", "how": "Call 116 123, free, day or night"},
    {"name": "Shout", "how": "Text SHOUT to 85258, free, day or night"},
]
NEXT = "Someone from the Living Well Hub will contact you within two working days."
NEXT_URGENT = ("The Hub's on-call worker has been told and will try to reach you today. If you "
               "are not safe now, do not wait: use the crisis lines below.")


class SelfReferralBody(SelfReferralDetails):
    """What the public form sends; ``website`` is a trap for robots and must stay empty."""

    website: Annotated[str, StringConstraints(max_length=0)] = ""


@router.post("/self-referrals", status_code=202,
             dependencies=[Depends(within_rate), Depends(small_body)],
             responses=responses(400, 413, 422, 429, 503))
@in_worker_thread
def refer_oneself(body: SelfReferralBody, intake: IntakeApp) -> dict[str, Any]:
    """Ask the Hub for help (no token); the same answer whatever the request matches."""
    details = SelfReferralDetails.model_validate(body.model_dump(exclude={"website"}))
    details.check_complete(datetime.now(UTC))
    reference = intake.receive(details)
    log.info("self_referral_received", urgent=details.in_crisis)
    answer: dict[str, Any] = {"reference": reference, "urgent": details.in_crisis,
                              "what_happens_next": NEXT_URGENT if details.in_crisis else NEXT}
    if details.in_crisis:
        answer["crisis_lines"] = CRISIS_LINES
    return answer
