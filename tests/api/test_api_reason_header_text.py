"""A break-glass reason or audit purpose reaches the access log as the reader typed it: HTTP
hands headers over as Latin-1, so a reason sent in UTF-8 was kept garbled ("cafÃ©") for the
person and the privacy officer to read (found in review). Invalid UTF-8 and line separators are
a 422 naming the header."""

from __future__ import annotations

import httpx
from api_journeys import bearer, registration
from fastapi.testclient import TestClient
from raw_http import exchange

HOUSING = bearer("provider", "housing")


def broken_glass(client: TestClient, person: str, reason: bytes) -> int:
    """The status of housing's break-glass read of the summary with this reason."""
    headers = {**HOUSING, "X-Break-Glass-Reason": reason}
    return client.get(f"/people/{person}/summary", headers=headers).status_code  # type: ignore[arg-type]


def test_a_reason_in_utf8_is_kept_as_typed(client: TestClient, person: str) -> None:
    """The privacy officer's report shows the reason with its accents and quotes."""
    reason = "found at the Café Rouge, says he\u2019s Zoë\u2019s son"
    assert broken_glass(client, person, reason.encode()) == 200
    entries = client.get("/break-glass", headers=bearer("privacy_officer")).json()["entries"]
    assert [e["reason"] for e in entries] == [reason]


def test_a_reason_that_is_no_utf8_is_refused(served: str) -> None:
    """Sent over a socket (an HTTP library would re-encode it): 422 naming the header."""
    registered = httpx.post(f"{served}/people", json=registration(), headers=bearer("provider", "hub"))
    person = registered.json()["person_id"]
    token = HOUSING["Authorization"].encode()
    request = (f"GET /people/{person}/summary HTTP/1.1\r\nHost: ledger\r\n".encode()
               + b"Authorization: " + token + b"\r\nConnection: close\r\n"
               + b"X-Break-Glass-Reason: collapsed in \xff\xfe the waiting room\r\n\r\n")
    answer = exchange(served, request, close_sending=False)
    assert answer.startswith(b"HTTP/1.1 422 "), answer[:200]
    assert b'"loc":["header","X-Break-Glass-Reason"]' in answer


def test_a_reason_of_two_lines_is_refused(client: TestClient, person: str) -> None:
    """A Unicode line separator is a second line, as a newline would be."""
    assert broken_glass(client, person, "collapsed in the\u2028waiting room".encode()) == 422
