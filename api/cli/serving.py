"""``ledger serve --workers N``: one uvicorn process, or N sharing one listening socket.

With N > 1 the parent binds the socket, starts N processes (spawned: each a fresh interpreter
that builds its own app, pools and caches) and replaces any that dies, as uvicorn's own
supervisor does. Each is handed the settings the parent opened, the database server included,
so an embedded PostgreSQL is started (and stopped) by the parent alone. Everything the processes
share lives in the database: the log and its write lock, idempotency records, the public front
door's request counts, read-your-writes positions, erasures (which every process's caches hear
of by polling, ``commands.erasure_watch``), and the figures' leader lock, which lets one process
at a time follow the log (``projections.facts.leader``).

Requests are parsed by httptools (llhttp, in C) on uvloop's event loop by default: both cut the
server's own CPU per request (docs/scale.md). ``--http h11 --loop asyncio`` serves with the
pure-Python parser and the standard loop instead, as before.
"""

from __future__ import annotations

import asyncio
import socket
from functools import partial
from typing import Any

import uvicorn
from fastapi import FastAPI
from uvicorn.supervisors import Multiprocess

from api.cli.request_head import BoundedHead
from api.cli.serving_choices import EventLoop, HttpParser
from api.http.middleware import MAX_HEAD_BYTES
from api.settings import Settings

# How long a worker may take to answer its supervisor before it is replaced: a start (imports,
# pools) can take tens of seconds on a busy machine, and uvicorn's 5 s would kill it mid-start.
HEALTHCHECK_SECONDS = 60


def worker_app(settings: Settings, projections: bool) -> FastAPI:
    """The app one worker process serves (its logging configured first: a spawned process
    starts with none)."""
    from api.composition import configure_logging
    from api.http.app import create_app

    configure_logging()
    return create_app(settings, projections=projections)


def serve(settings: Settings, host: str, port: int, workers: int, projections: bool,
          http: HttpParser = HttpParser.HTTPTOOLS, loop: EventLoop = EventLoop.UVLOOP) -> None:
    """Serve the HTTP API in ``workers`` processes until stopped (SIGINT or SIGTERM); access lines
    are never logged (the app logs routes, not paths)."""
    config = uvicorn.Config(partial(worker_app, settings, projections), factory=True, host=host,
                            port=port, workers=workers, log_config=None, access_log=False,
                            timeout_worker_healthcheck=HEALTHCHECK_SECONDS, **stack(http, loop))
    if workers == 1:
        uvicorn.Server(config).run()
        return
    Multiprocess(config, sockets=[without_nagle(config.bind_socket())]).run()


def stack(http: HttpParser, loop: EventLoop) -> dict[str, Any]:
    """uvicorn's settings for the parser and loop chosen: httptools with a bound on a request's head
    (``BoundedHead``), or h11 with its own bound set to the same size."""
    parser: type[asyncio.Protocol] | str = BoundedHead if http is HttpParser.HTTPTOOLS else http.value
    return {"http": parser, "loop": loop.value, "h11_max_incomplete_event_size": MAX_HEAD_BYTES}


def without_nagle(listener: socket.socket) -> socket.socket:
    """The shared listening socket with ``TCP_NODELAY``, which the connections it accepts inherit.

    uvicorn's ``bind_socket`` makes it with protocol 0, so asyncio's own ``TCP_NODELAY`` (set only
    on sockets whose protocol reads TCP) never reached a worker's connections: an answer written in
    two parts waited for the client's delayed acknowledgement, 40 ms, on every request. uvloop sets
    the option on every connection it accepts whatever the listener's protocol; the listener's
    option keeps ``--loop asyncio`` as fast.
    """
    if listener.family in (socket.AF_INET, socket.AF_INET6):
        listener.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return listener
