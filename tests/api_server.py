"""Serving the app with uvicorn in a thread on a free port, for tests over real HTTP, on the
parser and event loop ``ledger serve`` runs by default (or those named)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import uvicorn
from api_journeys import PROVIDERS, bearer, provider_body
from fastapi import FastAPI
from starlette.types import ASGIApp

from api.cli.serving import stack
from api.cli.serving_choices import EventLoop, HttpParser


def free_port() -> int:
    """A TCP port nobody listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running(app: FastAPI | ASGIApp, http: HttpParser = HttpParser.HTTPTOOLS,
            loop: EventLoop = EventLoop.UVLOOP) -> Iterator[str]:
    """Serve the app as it is until the block ends; yields its URL."""
    config = uvicorn.Config(app, host="127.0.0.1", port=free_port(), log_config=None,
                            access_log=False, backlog=2048, **stack(http, loop))
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{config.port}"
    finally:
        server.should_exit = True
        thread.join(timeout=20)


@contextmanager
def serving(app: FastAPI) -> Iterator[str]:
    """Serve the app until the block ends, with the tests' providers registered; yields its URL."""
    with running(app) as base:
        with httpx.Client(base_url=base) as setup:
            for code in PROVIDERS:
                setup.post("/providers", json=provider_body(code), headers=bearer("admin")).raise_for_status()
        yield base
