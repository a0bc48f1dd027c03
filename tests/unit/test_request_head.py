"""A request's head (request line and headers) is bounded at 16 KiB under httptools, as under h11.

uvicorn's httptools protocol buffers a head for as long as it keeps coming (a ten-megabyte header
was answered 200); ``BoundedHead`` answers 431 and closes once a head's later pieces pass the
bound, and the app refuses a head over the bound that arrived whole. A small ASGI app stands in for
the ledger: the bound is the server's, before any route.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from api_server import running
from raw_http import exchange, get, statuses
from starlette.types import Receive, Scope, Send

from api.http.middleware import MAX_HEAD_BYTES, RequestContext


async def answer_ok(scope: Scope, receive: Receive, send: Send) -> None:
    """200 with an empty body, for any request."""
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"0")]})
    await send({"type": "http.response.body", "body": b""})


def with_header_of(size: int) -> bytes:
    """A GET with one header of ``size`` bytes."""
    return get("/", b"X-Padding: " + b"a" * size)


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    """The stand-in app alone (no middleware), served as ``ledger serve`` serves."""
    with running(answer_ok) as url:
        yield url


@pytest.fixture(scope="module")
def behind_middleware() -> Iterator[str]:
    """The stand-in app behind the ledger's request middleware."""
    with running(RequestContext(answer_ok)) as url:
        yield url


def test_a_head_sent_in_pieces_past_the_bound_is_refused(base: str) -> None:
    """Ten megabytes of one header, written in many pieces: 431 and the connection closed before
    the client is done (so the client may see only the reset), never read whole and answered."""
    assert statuses(exchange(base, with_header_of(10_000_000), pieces=200)) in ([431], [])


def test_a_head_sent_whole_past_the_bound_is_refused(behind_middleware: str) -> None:
    """A head just over the bound that arrives in one read: the app's 431."""
    assert statuses(exchange(behind_middleware, with_header_of(MAX_HEAD_BYTES + 1))) == [431]


def test_a_head_under_the_bound_sent_in_pieces_is_answered(base: str) -> None:
    """A head of 15 KiB written in 30 pieces is an ordinary request."""
    assert statuses(exchange(base, with_header_of(15 * 1024), pieces=30)) == [200]
