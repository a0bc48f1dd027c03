"""Dependencies shared by the routes: the applications built at start-up and request headers.

Each dependency is a coroutine (it only looks at the request), so FastAPI runs it on the event
loop rather than hopping to a worker thread for it. The hot routes read the applications from
the request in their bodies (``ledger_in``, ``access_log_in``) instead: each ``Depends`` is a
level FastAPI solves on every request.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated

from fastapi import Depends, Header, HTTPException, Path, Query, Request
from pydantic import AfterValidator

from commands import Ledger
from commands.access_log import AccessLog
from commands.audit_log import AuditLog

IDENTIFIER = r"^[A-Za-z0-9_-]{1,64}$"  # as ``ledger.values.Identifier``
ProviderCode = Annotated[str, Path(pattern=IDENTIFIER, description="A provider's short code")]
StaffCode = Annotated[str, Path(pattern=IDENTIFIER, description="A staff member's id")]
ProviderQuery = Annotated[str | None, Query(pattern=IDENTIFIER, description="Only this provider")]
_VERSION = re.compile(r'^(?:(?:W/)?"(\d{1,18})"|(\d{1,18}))$')


def ledger_in(request: Request) -> Ledger:
    """The Ledger application built at start-up (read in a route's body: no dependency to solve)."""
    ledger: Ledger = request.app.state.ledger
    return ledger


def access_log_in(request: Request) -> AccessLog:
    """The access log application built at start-up (read in a route's body)."""
    access_log: AccessLog = request.app.state.access_log
    return access_log


async def ledger_of(request: Request) -> Ledger:
    """The Ledger application built at start-up."""
    return ledger_in(request)


async def access_log_of(request: Request) -> AccessLog:
    """The access log application built at start-up."""
    return access_log_in(request)


async def audit_log_of(request: Request) -> AuditLog:
    """The audit log application built at start-up."""
    audit_log: AuditLog = request.app.state.audit_log
    return audit_log


IF_MATCH_LENGTH = 64
IfMatch = Annotated[str | None, Header(alias="If-Match", max_length=IF_MATCH_LENGTH,
                                       description='The story version seen, e.g. "3"')]


def version_expected(if_match: str | None) -> int | None:
    """The version an If-Match header expects the story to be at (``*`` or absent: any); 400
    when it names no version."""
    if if_match is None or if_match.strip() == "*":
        return None
    found = _VERSION.match(if_match.strip())
    if found is None:
        raise HTTPException(400, 'If-Match: expected a story version such as "3"')
    return int(found.group(1) or found.group(2))


IdempotencyKey = Annotated[
    str | None,
    Header(alias="Idempotency-Key", min_length=1, max_length=200, pattern=r"^[\x21-\x7e]+$",
           description="Makes the request safe to repeat: a repeat gets the first answer"),
]
REASON_PATTERN = r"^[^\x00-\x1f]*\S+\s+\S+\s+\S+[^\x00-\x1f]*$"  # three words at least, one line


def header_text(value: str | None) -> str | None:
    """A header's text as the client typed it: HTTP hands headers over as Latin-1, so UTF-8
    sent by a client ("café") would be kept garbled ("cafÃ©"); refuse what is no UTF-8, and a
    line or paragraph separator (the reason is one line)."""
    if value is None:
        return None
    try:
        text = value.encode("latin-1").decode("utf-8")
    except UnicodeError:
        raise ValueError("write the reason in UTF-8") from None
    if any(unicodedata.category(c) in ("Cc", "Zl", "Zp") and c != "\t" for c in text):
        raise ValueError("the reason is one line, with no control characters")
    return text


BreakGlassReason = Annotated[
    str | None,
    Header(alias="X-Break-Glass-Reason", min_length=15, max_length=500, pattern=REASON_PATTERN,
           description="Why a provider without a care relationship must read the story: "
                       "a reason of substance, at least three words"),
    AfterValidator(header_text),
]
AuditPurpose = Annotated[
    str | None,
    Header(alias="X-Audit-Purpose", min_length=15, max_length=500, pattern=REASON_PATTERN,
           description="Why an analyst reads a person's story or figure inputs (logged, flagged)"),
    AfterValidator(header_text),
]
LedgerApp = Annotated[Ledger, Depends(ledger_of)]
AccessLogApp = Annotated[AccessLog, Depends(access_log_of)]
AuditLogApp = Annotated[AuditLog, Depends(audit_log_of)]
