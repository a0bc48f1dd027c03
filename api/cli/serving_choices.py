"""The server stack ``ledger serve`` runs on: which library parses HTTP and which event loop runs.

Kept apart from ``api.cli.serving`` so that the command line can name the choices without
importing uvicorn and FastAPI for every other command.

The defaults, httptools on uvloop, are the fast pair (uvicorn's "standard" extras): httptools wraps
llhttp, Node's C parser, where h11 parses in Python; uvloop runs the loop and the sockets in libuv.
Together they cut the server's own CPU per request (docs/scale.md has the figures). h11 on asyncio
stays selectable (``--http h11 --loop asyncio``): pure Python, for a platform without the two
compiled wheels, or to rule the stack out when chasing a fault.
"""

from __future__ import annotations

from enum import StrEnum


class HttpParser(StrEnum):
    """Which library parses requests: httptools (C, the default) or h11 (pure Python)."""

    HTTPTOOLS = "httptools"
    H11 = "h11"


class EventLoop(StrEnum):
    """Which event loop serves: uvloop (libuv, the default) or the standard library's asyncio."""

    UVLOOP = "uvloop"
    ASYNCIO = "asyncio"
