"""The load generator (``bench.load``, run in its own process as the benchmarks run it) against a
real HTTP server on a socket: it reads answers by length and by chunks, fills ``{n}`` once per
request, and stops at its count."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

import pytest

from bench.http_runs import load


class Answering(BaseHTTPRequestHandler):
    """Answers 201 by length to a POST (keeping its body), 200 in chunks to a GET, and nothing to
    ``GET /close`` (it closes the connection)."""

    protocol_version = "HTTP/1.1"
    bodies: ClassVar[list[bytes]] = []

    def do_POST(self) -> None:
        self.bodies.append(self.rfile.read(int(self.headers["Content-Length"])))
        self.send_response(201)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    def do_GET(self) -> None:
        if self.path == "/close":  # no answer: the connection just ends
            self.close_connection = True
            return
        self.send_response(200)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        self.wfile.write(b"3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n")

    def log_message(self, *_: Any) -> None:
        pass


@pytest.fixture
def base() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Answering)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    Answering.bodies = []
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def run(base: str, requests: list[dict[str, Any]], max_requests: int,
        clients: int = 4) -> dict[str, Any]:
    """The generator's answer to the plan (statuses keyed by their text, as JSON has them)."""
    return load(base, requests, clients, 30, max_requests)


def test_answers_by_length_and_by_chunks_are_each_counted_once(base: str) -> None:
    asked = [{"method": "POST", "path": "/a", "body": "{n}"}, {"path": "/b"}]
    answer = run(base, asked, 40)
    assert answer["statuses"] == {"201": 20, "200": 20}
    assert len(answer["latencies_ms"]) == 40


def test_each_request_gets_its_own_number(base: str) -> None:
    run(base, [{"method": "POST", "path": "/a", "body": "x-{n}"}], 25)
    assert sorted(Answering.bodies) == sorted(f"x-{n}".encode() for n in range(25))


def test_a_connection_closed_unanswered_is_counted_and_the_client_goes_on(base: str) -> None:
    asked = [{"path": "/close"}, {"path": "/b"}, {"path": "/b"}, {"path": "/b"}]
    answer = run(base, asked, 16, clients=1)
    assert answer["statuses"] == {"0": 4, "200": 12}
