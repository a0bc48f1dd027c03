"""``ledger token --role person``: a short-lived token bound to one story, issued by the Hub.

The Hub's staff member checks who the person is before issuing it: the person's birth date (and
NHS number, when given) must match their story, or nothing is issued. The issue is written to
the audit log (``person_token_issued``) with the story's id, the token's id and its expiry, and
the issuing staff member: never the person's name, number or birth date.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from uuid import UUID

import typer

from api.http.tokens import Caller, mint, verify


def details_of(entries: list[Any], retracted: set[int]) -> dict[str, Any]:
    """The person's identifying details as their story now states them."""
    details: dict[str, Any] = {}
    for entry in entries:
        if entry.type in ("PersonRegistered", "DetailsUpdated") and entry.version not in retracted:
            details.update((k, v) for k, v in entry.data.items() if v is not None)
    return details


def check_person(env: dict[str, str], person_id: UUID, birth_date: date, nhs_number: str | None) -> None:
    """Bad usage (exit 2) unless the story exists and its details match what the person showed."""
    from commands import Ledger
    from ledger.errors import UnknownPerson

    with Ledger(env=env) as ledger:
        try:
            story = ledger.story(person_id)
        except UnknownPerson:
            raise typer.BadParameter("no story has this id", param_hint="--person") from None
        details = details_of(story.entries, story.retracted)
    if details.get("birth_date") != birth_date.isoformat():
        raise typer.BadParameter("does not match the story: no token issued", param_hint="--birth-date")
    if nhs_number is not None and details.get("nhs_number") != nhs_number:
        raise typer.BadParameter("does not match the story: no token issued", param_hint="--nhs-number")


def issue(env: dict[str, str], key: str, person_id: UUID, issued_by: str, hours: float | None,
          link: str | None) -> str:
    """Mint the person's token, audit its issue, and answer the token (or its sign-in link)."""
    from commands.audit_log import AuditLog

    lifetime = timedelta(hours=hours) if hours is not None else None
    try:
        token = mint(Caller(role="person", staff_id="self", person_id=person_id), key, lifetime)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--hours") from None
    caller = verify(token, key)
    assert caller.expires_at is not None
    details = {"person_id": str(person_id), "token_id": caller.token_id,
               "expires_at": caller.expires_at.isoformat()}
    with AuditLog(env=env) as audit:
        audit.record(issued_by, "cli", "person_token_issued", details)
    return f"{link.rstrip('/')}/my-story#token={token}" if link else token
