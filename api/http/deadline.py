"""A deadline on every request: a store that stops answering (a paused or wedged server) gets the
caller a 503 after ``LEDGER_REQUEST_DEADLINE`` seconds, instead of a request that hangs forever.

A socket to a frozen server never errors (its kernel still acknowledges), so no database timeout
can end the wait: only the caller's side can. The work itself cannot be interrupted in its worker
thread; it finishes, or fails, when the store answers again. A write answered 503 this way may
therefore still land, whole: its outcome is unknown, and a repeat with the same Idempotency-Key
gets the first answer.
"""

from __future__ import annotations

import asyncio
import json

import structlog
from starlette.types import ASGIApp, Message, Receive, Scope, Send

DEFAULT_SECONDS = 30.0
log = structlog.get_logger("api")
_BODY = json.dumps({"detail": "the store does not answer; try again shortly"}).encode()


async def finished_within(work: asyncio.Task[None], seconds: float) -> bool:
    """Whether ``work`` ends within ``seconds`` (it goes on either way): ``asyncio.wait`` for one
    task, without its sets and checks, which every request paid for."""
    loop = asyncio.get_running_loop()
    woken: asyncio.Future[None] = loop.create_future()

    def wake(_: object = None) -> None:
        if not woken.done():
            woken.set_result(None)

    timer = loop.call_later(seconds, wake)
    work.add_done_callback(wake)
    try:
        await woken
    finally:
        timer.cancel()
        work.remove_done_callback(wake)
    return work.done()


class Deadline:
    """Answers 503 (Retry-After: 1) when no answer has started within ``seconds``."""

    def __init__(self, app: ASGIApp, seconds: float = DEFAULT_SECONDS) -> None:
        self.app = app
        self.seconds = seconds
        self.overdue: set[asyncio.Task[None]] = set()  # abandoned work, kept until it ends

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        state = {"started": False, "abandoned": False}

        async def send_unless_abandoned(message: Message) -> None:
            if state["abandoned"]:
                return
            if message["type"] == "http.response.start":
                state["started"] = True
            await send(message)

        work = asyncio.ensure_future(self.app(scope, receive, send_unless_abandoned))
        if await finished_within(work, self.seconds) or state["started"]:
            await work
            return
        state["abandoned"] = True
        self.overdue.add(work)
        work.add_done_callback(self._finished_late)
        log.warning("request_overdue", seconds=self.seconds)
        await send({"type": "http.response.start", "status": 503,
                    "headers": [(b"content-type", b"application/json"), (b"retry-after", b"1")]})
        await send({"type": "http.response.body", "body": _BODY})

    def _finished_late(self, work: asyncio.Task[None]) -> None:
        self.overdue.discard(work)
        if not work.cancelled() and work.exception() is not None:
            log.warning("overdue_request_failed", error=type(work.exception()).__name__)
