"""A stand-in for the Hub's on-call list: a real HTTP server that records each alert posted to it
(by its ``Idempotency-Key``), or refuses them all while ``failing`` is set."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class OnCallList:
    """What the on-call list received: every post's key and body, in order."""

    url: str = ""
    failing: bool = False
    keys: list[str] = field(default_factory=list)
    bodies: list[dict[str, Any]] = field(default_factory=list)


@contextmanager
def on_call_list() -> Iterator[OnCallList]:
    """Serve an on-call list on a free port until the block ends."""
    received = OnCallList()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # the standard library's name
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            if received.failing:
                self.send_response(500)
            else:
                received.keys.append(self.headers.get("Idempotency-Key", ""))
                received.bodies.append(json.loads(body))
                self.send_response(202)
            self.end_headers()

        def log_message(self, *args: Any) -> None:  # quiet
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    received.url = f"http://127.0.0.1:{server.server_address[1]}/alerts"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield received
    finally:
        server.shutdown()
        server.server_close()
