"""Writing stories: providers register people and append events, as the token's provider."""

from __future__ import annotations

from typing import Annotated, NamedTuple
from uuid import UUID

from fastapi import APIRouter, Depends, Request, Response
from starlette.concurrency import run_in_threadpool

from api.http.appending import append_retrying
from api.http.auth import BearerScheme, caller_with_role
from api.http.dependencies import (
    IF_MATCH_LENGTH,
    AccessLogApp,
    IdempotencyKey,
    IfMatch,
    LedgerApp,
    ledger_in,
    version_expected,
)
from api.http.person_writes import append_as_person
from api.http.registration_conflicts import register_seen
from api.http.request_bodies import STORY_EVENT_TYPES, AppendBody, EventBody, PersonBody
from api.http.responses import POSITION_HEADER, WRITE_CODES, Appended, Registered, responses
from api.http.tokens import Caller
from api.http.unique_names import UniqueNamesRoute
from api.http.worker_thread import in_worker_thread
from ledger.catalogue import Occurrence
from ledger.errors import InvalidEvent
from ledger.event_lines import occurrence_of

router = APIRouter(route_class=UniqueNamesRoute, tags=["stories"])
Provider = Annotated[Caller, Depends(caller_with_role("provider"))]


class Appending(NamedTuple):
    """Who appends, and the story version their If-Match expects (None: any)."""

    caller: Caller
    expected: int | None


class _Appender(BearerScheme):
    """The writer and the version they expect, in one dependency (each ``Depends`` is a level for
    FastAPI to solve). As when each was a dependency of its own: the caller is admitted first
    (401/403), then a malformed If-Match is 400 before FastAPI checks the rest; one too long to
    read is left to the route's ``If-Match`` parameter, which answers 422 naming it."""

    async def __call__(self, request: Request) -> Appending:  # type: ignore[override]
        caller = await self.caller(request)
        sent = request.headers.get("If-Match")
        too_long = sent is not None and len(sent) > IF_MATCH_LENGTH
        return Appending(caller, None if too_long else version_expected(sent))


Writer = Annotated[Appending, Depends(_Appender(("provider", "key_worker", "person")))]


@router.post("/people", status_code=201, response_model=Registered,
             responses=responses(*WRITE_CODES, 429))  # 429: known numbers past the probing limit
@in_worker_thread
def register_person(
    body: PersonBody, caller: Provider, ledger: LedgerApp, access_log: AccessLogApp,
    response: Response, idempotency_key: IdempotencyKey = None,
) -> Registered:
    """Register a person: start their story (one story per NHS number, ever)."""
    assert caller.provider_id is not None
    occurrence = occurrence_of("PersonRegistered", body.occurred_at, caller.provider_id,
                               caller.staff_id, body.data.model_dump(mode="json", exclude_none=True))
    receipt = register_seen(ledger, access_log, caller, body.person_id, occurrence, idempotency_key)
    assert receipt.person_id is not None
    response.headers[POSITION_HEADER] = str(receipt.position)
    return Registered(person_id=receipt.person_id, version=receipt.version)


@router.post("/people/{person_id}/events", status_code=201, response_model=Appended,
             responses=responses(*WRITE_CODES, 412))
async def append_events(
    person_id: UUID, body: AppendBody, writing: Writer, request: Request, response: Response,
    idempotency_key: IdempotencyKey = None, if_match: IfMatch = None,
) -> Appended:
    """Append one event, or a batch all or nothing, to a person's story (a person: to their own,
    a note or a self-assessment)."""
    (caller, expected), ledger = writing, ledger_in(request)  # ``if_match``: read by ``Writer``
    if caller.role == "person":
        own = await run_in_threadpool(append_as_person, person_id, body, caller, ledger, expected,
                                      idempotency_key)
        response.headers[POSITION_HEADER] = str(own.position)
        return Appended(version=own.version)
    events = body.sent()  # checked on the event loop: a refusal needs neither store nor thread
    prefixes = [""] if body.events is None else [f"events.{i}." for i in range(len(events))]
    occurrences = [_occurrence(e, caller, p) for e, p in zip(events, prefixes, strict=True)]
    receipt = await run_in_threadpool(append_retrying, ledger, person_id, occurrences, expected,
                                      idempotency_key)  # the store's part, in one worker thread
    response.headers[POSITION_HEADER] = str(receipt.position)  # usable as ?after= (read-your-writes)
    return Appended(version=receipt.version)


def _occurrence(event: EventBody, caller: Caller, prefix: str) -> Occurrence:
    """The event as recorded by the caller's provider and staff member (``prefix`` names it)."""
    assert caller.provider_id is not None
    try:
        if event.type not in STORY_EVENT_TYPES:
            raise InvalidEvent(f"type: {event.type[:60]!r} is not an event to append to a story",
                               "type")
        return occurrence_of(event.type, event.occurred_at, caller.provider_id, caller.staff_id,
                             event.data)
    except InvalidEvent as error:
        raise InvalidEvent(prefix + error.message, prefix + error.field) from None
