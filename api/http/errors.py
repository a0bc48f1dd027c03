"""Refusals as HTTP answers: every domain error names its field in FastAPI's ``detail`` shape.

The handlers are coroutines: they only build an answer, so Starlette runs them on the event loop
rather than hopping to a worker thread for each refusal.
"""

from __future__ import annotations

import re
from typing import Any

import psycopg
import structlog
from eventsourcing.persistence import InterfaceError, OperationalError
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError

from api.http.responses import JSONAnswer
from api.http.unknown_story import answer_no_sooner
from ledger.errors import (
    ConcurrentWrite,
    DuplicatePerson,
    DuplicateProvider,
    ErasureNotRequested,
    IdempotencyKeyReused,
    InvalidEvent,
    LedgerError,
    NotPermitted,
    StoryMovedOn,
    TooManyAttempts,
    TooManyRefusedReads,
    UnknownPerson,
    UnknownProvider,
)

log = structlog.get_logger("api")
HEADERS = ("If-Match", "Idempotency-Key", "X-Break-Glass-Reason")
STATUS: dict[type[LedgerError], int] = {
    InvalidEvent: 422, UnknownPerson: 404, UnknownProvider: 422, DuplicatePerson: 409,
    DuplicateProvider: 409, StoryMovedOn: 412, ConcurrentWrite: 409, IdempotencyKeyReused: 409,
    NotPermitted: 403, TooManyAttempts: 429, TooManyRefusedReads: 429, ErasureNotRequested: 409,
}


def loc_of(error: LedgerError, request: Request) -> list[str | int]:
    """Where in the request the field at fault is, as FastAPI names places.

    A story's ``provider_id`` comes from the token; a directory write's from the body.
    """
    field = error.field
    if field in HEADERS:
        return ["header", field]
    if field in request.path_params:
        return ["path", field]
    if field == "provider_id" and not isinstance(error, DuplicateProvider):
        return ["token", "provider_id"]
    return ["body", *(int(p) if p.isdigit() else p for p in field.split("."))]


def status_of(error: LedgerError, request: Request) -> int:
    """The status code a refusal gets, by its kind and where the thing refused was named."""
    if isinstance(error, UnknownProvider) and error.field == "provider_id":
        return 404 if "provider_id" in request.path_params else 403
    return STATUS.get(type(error), 422)


async def refused(request: Request, error: Exception) -> JSONAnswer:
    """A domain refusal: its status, and a detail naming the field at fault and why."""
    assert isinstance(error, LedgerError)
    item: dict[str, Any] = {"loc": loc_of(error, request), "msg": error.message,
                            "type": _snake(type(error).__name__)}
    body: dict[str, Any] = {"detail": [item]}
    if isinstance(error, DuplicatePerson):  # never the existing story's id: it would open the story
        log.warning("registration_conflict_for_review", field=error.field)
    log.info("refused", kind=type(error).__name__, field=error.field)
    status = status_of(error, request)
    if isinstance(error, UnknownPerson | TooManyRefusedReads):  # one time for a story and none
        await answer_no_sooner(request)
    headers = {"Retry-After": str(error.retry_after)} if isinstance(error, TooManyAttempts) else None
    return JSONAnswer(body, status_code=status, headers=headers)


async def store_down(request: Request, error: Exception) -> JSONAnswer:
    """The store does not answer: 503, worth retrying."""
    log.warning("store_unavailable", error=type(error).__name__)
    return JSONAnswer({"detail": "the store does not answer; try again shortly"},
                        status_code=503, headers={"Retry-After": "1"})


async def invalid_request(request: Request, error: Exception) -> JSONAnswer:
    """FastAPI's 422 without echoing the input (it may be personal, huge or not even UTF-8)."""
    assert isinstance(error, RequestValidationError)
    detail = [{"loc": list(e["loc"]), "msg": _message(e), "type": e["type"]} for e in error.errors()]
    return JSONAnswer({"detail": detail}, status_code=422)


def invalid_query(field: str, message: str, kind: str = "value_error") -> RequestValidationError:
    """A refusal of a query parameter, answered in FastAPI's own 422 shape (``detail`` list)."""
    return RequestValidationError([{"loc": ("query", field), "msg": message, "type": kind}])


def install(app: FastAPI) -> None:
    """Map domain errors, invalid requests and store outages to their answers."""
    app.add_exception_handler(LedgerError, refused)
    app.add_exception_handler(RequestValidationError, invalid_request)
    for outage in (OperationalError, InterfaceError, psycopg.OperationalError):
        app.add_exception_handler(outage, store_down)


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _message(error: dict[str, Any]) -> str:
    """An error's message; a body that is not JSON says why (the decoder's words, or a field named
    twice: ``api.http.unique_names``), never with any of the body's text."""
    reason = (error.get("ctx") or {}).get("error")
    return f"{error['msg']}: {reason}" if error["type"] == "json_invalid" and reason else str(error["msg"])
