"""Broken HTTP over a real socket: each gets a 4xx or a closed connection, never a 5xx, and the
server (``ledger serve``'s parser and loop) goes on answering afterwards.

The requests are what no client library sends: broken request lines, bad header lines, heads over
the bound, lying or malformed Content-Lengths, bodies cut short, and several requests in one write.
"""

from __future__ import annotations

import uuid

import httpx
from api_journeys import bearer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from raw_http import exchange, get, statuses

from api.http.middleware import MAX_HEAD_BYTES

TOKEN = bearer("provider", "hub")["Authorization"].encode()
EVENTS = f"/people/{uuid.UUID(int=7)}/events".encode()
BODY = b'{"type": "ContactRecorded", "occurred_at": "2024-03-01T10:00:00+00:00", "data": {}}'
# the bytes; whether the client closes its side after them; whether every answer must be a refusal
Sent = tuple[bytes, bool, bool]


def post(length: bytes, body: bytes, *headers: bytes) -> bytes:
    """A POST of an append with a Content-Length of ``length`` (whatever the body's size)."""
    lines = [b"POST " + EVENTS + b" HTTP/1.1", b"Host: ledger", b"Authorization: " + TOKEN,
             b"Content-Type: application/json", b"Content-Length: " + length, *headers]
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


junk = st.binary(min_size=1, max_size=200).filter(lambda b: not b.startswith((b"GET", b"POST")))
request_lines = st.one_of(
    junk.map(lambda b: b + b"\r\n\r\n"),
    st.sampled_from([b"GET\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n", b"GET /health HTTP/1.1 extra\r\n\r\n",
                     b"G\x00T /health HTTP/1.1\r\n\r\n", b"GET /he alth HTTP/1.1\r\n\r\n",
                     b"GET health HTTP/1.1\r\nHost: x\r\n\r\n", b" / HTTP/1.1\r\n\r\n",
                     b"GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n"]))
header_lines = st.one_of(
    st.sampled_from([b"No colon here", b"Bad Name: x", b": no name", b"X-Nul: a\x00b", b"X-Cr: a\rb",
                     b"\x7f: x", b"X-Fold: a\r\n folded", b"Host: a\r\nHost: b",
                     b"Transfer-Encoding: gzip, chunked, identity"]),
    st.binary(min_size=1, max_size=60).map(lambda b: b"X-Junk: " + b.replace(b"\n", b"")))
bad_headers = header_lines.map(lambda line: get("/health", line))
oversized = st.integers(MAX_HEAD_BYTES, 4 * MAX_HEAD_BYTES).map(
    lambda n: get("/health", b"X-Pad: " + b"a" * n))
lengths = st.sampled_from([b"abc", b"-1", b"1.5", b"99999999999999999999", b"3, 4", b"0x10", b""])
bad_lengths = st.one_of(
    lengths.map(lambda length: post(length, BODY)),
    st.just(post(b"5", BODY, b"Content-Length: 7")),
    st.just(post(str(len(BODY)).encode(), BODY, b"Transfer-Encoding: chunked")),
    st.just(post(b"", b"5\r\n{\"a\":\r\nzz\r\n", b"Transfer-Encoding: chunked")))
truncated = st.integers(0, len(BODY) - 1).map(lambda cut: post(str(len(BODY)).encode(), BODY[:cut]))
pipelined = st.lists(st.sampled_from([get("/health").replace(b"Connection: close\r\n", b""),
                                      post(str(len(BODY)).encode(), BODY), b"GET / HTTP/1.1\r\n\r\n",
                                      b"BROKEN\r\n\r\n"]), min_size=2, max_size=5)
broken: st.SearchStrategy[Sent] = st.one_of(
    request_lines.map(lambda b: (b, True, True)), oversized.map(lambda b: (b, True, True)),
    bad_lengths.map(lambda b: (b, True, True)), truncated.map(lambda b: (b, True, True)),
    bad_headers.map(lambda b: (b, True, False)),  # some odd lines are lawful (X-Junk: printable)
    pipelined.map(lambda requests: (b"".join(requests) + get("/health"), False, False)))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sent=broken)
def test_broken_http_gets_a_4xx_or_a_closed_connection(served: str, sent: Sent) -> None:
    """No 5xx for any of it (and only 4xx for what is broken throughout), and the server answers
    a well-formed request right after."""
    data, close_sending, refusal = sent
    answered = statuses(exchange(served, data, close_sending=close_sending))
    assert all(code < 500 for code in answered), answered
    assert not refusal or all(400 <= code < 500 for code in answered), answered
    assert httpx.get(f"{served}/health", timeout=10).status_code == 200


def test_pipelined_requests_are_each_answered_in_order(served: str) -> None:
    """Three requests in one write: three answers, in the order asked."""
    first = get("/health").replace(b"Connection: close\r\n", b"")
    refused = post(str(len(BODY)).encode(), BODY)
    answered = statuses(exchange(served, first + refused + get("/health"), close_sending=False))
    assert answered == [200, 422, 200]
