"""Request smuggling against ``ledger serve``'s parser (httptools on uvloop): a head whose body
length could be read two ways, or a chunk size past any body, is refused (a 4xx or a closed
connection, never a 5xx), and what a second reading would take for another request is never
answered as one. The smuggled request is a ``GET /openapi.json``: its answer (200) cannot be
mistaken for the refusal of the append around it."""

from __future__ import annotations

import uuid

import httpx
import pytest
from api_journeys import bearer
from raw_http import exchange, statuses

TOKEN = bearer("provider", "hub")["Authorization"].encode()
EVENTS = f"/people/{uuid.UUID(int=7)}/events".encode()
SMUGGLED = b"GET /openapi.json HTTP/1.1\r\nHost: ledger\r\n\r\n"


def post(*headers: bytes, body: bytes) -> bytes:
    """A POST to the events route with exactly these framing headers and body."""
    lines = [b"POST " + EVENTS + b" HTTP/1.1", b"Host: ledger", b"Authorization: " + TOKEN,
             b"Content-Type: application/json", *headers]
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


CHUNKED_HIDING = b"0\r\n\r\n" + SMUGGLED  # chunked: ends at once; by length: all of it is body
TWO_WAYS = {
    "length and chunked": post(b"Content-Length: %d" % len(CHUNKED_HIDING),
                               b"Transfer-Encoding: chunked", body=CHUNKED_HIDING),
    "chunked then length": post(b"Transfer-Encoding: chunked",
                                b"Content-Length: %d" % len(CHUNKED_HIDING), body=CHUNKED_HIDING),
    "two lengths": post(b"Content-Length: 0", b"Content-Length: %d" % len(SMUGGLED), body=SMUGGLED),
    "a folded encoding": post(b"Content-Length: %d" % len(CHUNKED_HIDING), b"Transfer-Encoding:",
                              b" chunked", body=CHUNKED_HIDING),
    "space before the colon": post(b"Content-Length: %d" % len(CHUNKED_HIDING),
                                   b"Transfer-Encoding : chunked", body=CHUNKED_HIDING),
    "a signed length": post(b"Content-Length: +%d" % len(SMUGGLED), body=SMUGGLED),
    "a bare line feed": post(b"Content-Length: 0\nTransfer-Encoding: chunked", body=CHUNKED_HIDING),
}
HUGE_CHUNKS = {
    "past 64 bits": post(b"Transfer-Encoding: chunked", body=b"1" + b"0" * 20 + b"\r\nab\r\n0\r\n\r\n"),
    "just under 2**64": post(b"Transfer-Encoding: chunked", body=b"ffffffffffffffff\r\nab"),
    "a negative size": post(b"Transfer-Encoding: chunked", body=b"-1\r\nab\r\n0\r\n\r\n"),
}


@pytest.mark.parametrize("name", sorted(TWO_WAYS))
def test_a_body_length_read_two_ways_smuggles_no_request(served: str, name: str) -> None:
    """Refused (or the connection closed), and the hidden request is never answered."""
    answered = statuses(exchange(served, TWO_WAYS[name]))
    assert all(400 <= code < 500 for code in answered), answered
    assert 200 not in answered
    assert httpx.get(f"{served}/health", timeout=10).status_code == 200


@pytest.mark.parametrize("name", sorted(HUGE_CHUNKS))
def test_a_chunk_size_past_any_body_is_refused(served: str, name: str) -> None:
    """A 4xx or a closed connection, never a 5xx or a wait for the chunk's bytes."""
    answered = statuses(exchange(served, HUGE_CHUNKS[name]))
    assert all(400 <= code < 500 for code in answered), answered
    assert httpx.get(f"{served}/health", timeout=10).status_code == 200
