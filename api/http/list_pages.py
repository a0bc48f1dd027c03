"""Paging the staff lists: ``?limit=`` (how many rows, 100 unless asked) and ``?cursor=`` (the
``next`` of the page before), so that a list's cost grows with the page asked, not the caseload.

A cursor is the last row's position in the list's order, as base64url of a JSON array, led by
the list it pages and whose list it is (a provider; a key worker's provider and staff id). It
holds ids, dates and ranks, never a name. One that does not decode, was written for another
list or another provider's, or whose parts are not what the list's order needs, gets a 422
naming ``cursor``.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from typing import Annotated
from uuid import UUID

from fastapi import HTTPException, Query

DEFAULT_LIMIT, MOST = 100, 1000
RANK = re.compile(r"[0-9]", re.ASCII)
Limit = Annotated[int, Query(ge=1, le=MOST, description="How many rows a page holds at most")]
Cursor = Annotated[str | None, Query(max_length=400, pattern=r"^[A-Za-z0-9_=-]+$",
                                     description="The `next` of the page before")]


def _aware(text: str) -> str:
    instant = datetime.fromisoformat(text)
    if instant.tzinfo is None:
        raise ValueError("a position's instant has a time zone")
    return instant.astimezone(UTC).isoformat()  # as PostgreSQL reads it, whatever Python took


def _rank(text: str) -> str:
    if not RANK.fullmatch(text):
        raise ValueError("a position's rank is one digit")
    return text


def _identifier(text: str) -> str:
    if not text or len(text) > 200 or not text.isprintable():
        raise ValueError("a position's identifier is 1 to 200 printable characters")
    return text


def _id_or_none(text: str) -> str:
    return "" if text == "" else str(UUID(text))


# Each part is checked and handed on in the one spelling PostgreSQL's casts read: Python's
# parsers take more (week dates, other digits, ``urn:uuid:``) than ``::date`` or ``::uuid`` do.
PARSERS: dict[str, Callable[[str], str]] = {
    "rank": _rank, "instant": _aware, "date": lambda t: date.fromisoformat(t).isoformat(),
    "person": lambda t: str(UUID(t)), "person?": _id_or_none, "identifier": _identifier,
}


def position(cursor: str | None, bound: Sequence[str], parts: Sequence[str]) -> list[str] | None:
    """The list position a cursor holds: it must lead with ``bound`` (the list and whose it is,
    as ``cursor_of`` wrote them), each part after checked against ``parts`` (PARSERS' names)."""
    if cursor is None:
        return None
    try:
        decoded = json.loads(base64.urlsafe_b64decode(cursor.encode()))
        if not isinstance(decoded, list) or len(decoded) != len(bound) + len(parts) or not all(
                isinstance(part, str) for part in decoded):
            raise ValueError("a cursor is its list's name and owner, then its order's parts")
        if decoded[:len(bound)] != list(bound):
            raise ValueError("a cursor pages only the list it was written for")
        checked = [PARSERS[kind](text) for text, kind in
                   zip(decoded[len(bound):], parts, strict=True)]
    except (ValueError, OverflowError, binascii.Error, UnicodeDecodeError):
        raise HTTPException(422, [{"loc": ["query", "cursor"], "type": "value_error",
                                   "msg": "cursor: not a position in this list; use the "
                                          "`next` of the page before"}]) from None
    return checked


def cursor_of(bound: Sequence[str], parts: Sequence[object]) -> str:
    """The cursor for a position in the list ``bound`` names (each part as text)."""
    text = json.dumps([*bound, *(p if isinstance(p, str) else p.isoformat()
                                 if hasattr(p, "isoformat") else str(p) for p in parts)],
                      separators=(",", ":"))
    return base64.urlsafe_b64encode(text.encode()).decode()
