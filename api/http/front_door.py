"""The public front door's guards, run before a self-referral's body is looked at: requests per
client address (shared by every server process through PostgreSQL) and a small body limit."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated

import structlog
from fastapi import Depends, HTTPException, Request

from commands.intake import Intake
from commands.request_limits import client_key

MAX_SELF_REFERRAL_BYTES = 16_000
log = structlog.get_logger("api")


async def intake_of(request: Request) -> Intake:
    """The intake application built at start-up."""
    intake: Intake = request.app.state.intake
    return intake


IntakeApp = Annotated[Intake, Depends(intake_of)]


def within_rate(request: Request, intake: IntakeApp) -> None:
    """Count the request against its client address; 429 with ``Retry-After`` past the limit."""
    settings = request.app.state.settings
    address = request.client.host if request.client is not None else "unknown"
    client = client_key(intake.env.get("LEDGER_IDENTITY_KEY") or "front-door", address)
    count, left = intake.intake_recorder.request_limits.count(
        client, datetime.now(UTC), timedelta(seconds=settings.self_referral_window))
    if count > settings.self_referral_limit:
        log.warning("self_referral_rate_limited")
        raise HTTPException(429, "self-referrals: too many from this address lately; "
                                 "try again later, or call the Hub", headers={"Retry-After": str(left)})


async def small_body(request: Request) -> None:
    """Refuse a self-referral body larger than ``MAX_SELF_REFERRAL_BYTES`` (413)."""
    if len(await request.body()) > MAX_SELF_REFERRAL_BYTES:
        raise HTTPException(413, f"body: larger than {MAX_SELF_REFERRAL_BYTES} bytes")
