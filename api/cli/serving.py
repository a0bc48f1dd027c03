"""``ledger serve --workers N``: one uvicorn process, or N sharing one listening socket.

With N > 1 the parent binds the socket, starts N processes (spawned: each a fresh interpreter
that builds its own app, pools and caches) and replaces any that dies, as uvicorn's own
supervisor does. Each is handed the settings the parent opened, the database server included,
so an embedded PostgreSQL is started (and stopped) by the parent alone. Everything the processes
share lives in the database: the log and its write lock, idempotency records, the public front
door's request counts, read-your-writes positions, erasures (which every process's caches hear
of by polling, ``commands.erasure_watch``), and the figures' leader lock, which lets one process
at a time follow the log (``projections.facts.leader``).
"""

from __future__ import annotations

import socket
from functools import partial

import uvicorn
from fastapi import FastAPI
from uvicorn.supervisors import Multiprocess

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


def serve(settings: Settings, host: str, port: int, workers: int, projections: bool) -> None:
    """Serve the HTTP API in ``workers`` processes until stopped (SIGINT or SIGTERM); access lines
    are never logged (the app logs routes, not paths)."""
    config = uvicorn.Config(partial(worker_app, settings, projections), factory=True, host=host,
                            port=port, workers=workers, log_config=None, access_log=False,
                            timeout_worker_healthcheck=HEALTHCHECK_SECONDS)
    if workers == 1:
        uvicorn.Server(config).run()
        return
    Multiprocess(config, sockets=[without_nagle(config.bind_socket())]).run()


def without_nagle(listener: socket.socket) -> socket.socket:
    """The shared listening socket with ``TCP_NODELAY``, which the connections it accepts inherit.

    uvicorn's ``bind_socket`` makes it with protocol 0, so asyncio's own ``TCP_NODELAY`` (set only
    on sockets whose protocol reads TCP) never reached a worker's connections: an answer written in
    two parts waited for the client's delayed acknowledgement, 40 ms, on every request.
    """
    if listener.family in (socket.AF_INET, socket.AF_INET6):
        listener.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return listener
