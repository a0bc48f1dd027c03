"""Per-request plumbing: a request id on every log line and response, a bound on the request's
head (request line and headers) and on its body."""

from __future__ import annotations

import os
import re
import time

import structlog
from fastapi import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.http.unknown_story import note_arrival

MAX_BODY_BYTES = 1_000_000
MAX_HEAD_BYTES = 16 * 1024  # the path, query and headers; as uvicorn's own bound for h11
_GOOD_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,128}$")
_HEAD_TOO_LARGE = b'{"detail":"the request\'s headers are too large"}'
NOT_STORED = (b"cache-control", b"no-store")  # answers name people: no cache may keep one
log = structlog.get_logger("api")


def head_of(scope: Scope) -> tuple[str, int]:
    """The request id (the caller's X-Request-ID when it is sane, else a new one) and the size
    of the request's path, query and headers as the client sent them (near enough): one pass."""
    size = len(scope.get("raw_path") or b"") + len(scope.get("query_string", b""))
    sent = None
    for name, value in scope.get("headers", ()):
        size += len(name) + len(value) + 4
        if name == b"x-request-id":
            sent = value
    if sent is not None:
        text: str = sent.decode("latin-1")
        if _GOOD_REQUEST_ID.match(text):
            return text, size
    return os.urandom(16).hex(), size  # as random as uuid4().hex, without making a UUID


async def refuse_head(send: Send) -> None:
    """431: the request's head is over ``MAX_HEAD_BYTES`` (the connection closes)."""
    await send({"type": "http.response.start", "status": 431,
                "headers": [(b"content-type", b"application/json"), (b"connection", b"close"),
                            (b"content-length", str(len(_HEAD_TOO_LARGE)).encode())]})
    await send({"type": "http.response.body", "body": _HEAD_TOO_LARGE})


class RequestContext:
    """Binds a request id for the request's log lines, echoes it, and logs one line per request.
    An answer that says nothing of caching says ``Cache-Control: no-store``: a browser's or
    proxy's copy of a story would outlive the person's erasure.

    The line names the route template, never the path: paths and queries may hold identifiers.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id, head_bytes = head_of(scope)
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(request_id=request_id)
        started, status = time.perf_counter(), [500]
        note_arrival(scope, started)
        echoed = (b"x-request-id", request_id.encode("latin-1"))

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
                headers = [*message.get("headers", ()), echoed]
                if not any(name.lower() == b"cache-control" for name, _value in headers):
                    headers.append(NOT_STORED)  # the web page's own files say their own
                message["headers"] = headers
            await send(message)

        try:
            if head_bytes > MAX_HEAD_BYTES:
                await refuse_head(send_with_id)
                return
            await self.app(scope, receive, send_with_id)
        finally:
            route = getattr(scope.get("route"), "path", "unmatched")
            log.info("request", method=scope["method"], route=route, status=status[0],
                     ms=round((time.perf_counter() - started) * 1000, 1))


class BodyLimit:
    """Refuses request bodies over ``limit`` bytes with 413, whether declared or streamed."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.limit:
                raise HTTPException(413, f"body: larger than {self.limit} bytes")
            return message

        await self.app(scope, counted, send)
