"""``ledger serve --workers N`` shares one listening socket made by uvicorn's ``bind_socket``, with
protocol 0, so asyncio never set ``TCP_NODELAY`` on its connections and every answer written in
two parts waited 40 ms for the client's delayed acknowledgement (found in the benchmark: every
request of a two-process server took 44 ms). The listener now carries the option, and the
connections it accepts inherit it. uvloop, the default loop, sets the option on every connection
it accepts whatever the listener (checked here too)."""

from __future__ import annotations

import asyncio
import socket

import pytest
import uvicorn
from own_thread_loop import run_in_own_thread

from api.cli.serving import without_nagle
from api.cli.serving_choices import EventLoop


def accepted_nodelay(listener: socket.socket) -> int:
    """``TCP_NODELAY`` on a connection the listener accepts."""
    with listener, socket.create_connection(listener.getsockname()) as client:
        connection, _ = listener.accept()
        with connection:
            client.sendall(b"x")
            return connection.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)


def listener() -> socket.socket:
    """A socket bound as ``ledger serve --workers 2`` binds it, listening (as each worker's
    ``create_server`` makes it)."""
    bound = uvicorn.Config(lambda: None, host="127.0.0.1", port=0).bind_socket()
    bound.listen()
    return bound


def test_uvicorns_shared_socket_leaves_nagle_on() -> None:
    """The premise: a connection accepted by ``bind_socket``'s listener has no TCP_NODELAY, and
    asyncio would not add it (the listener's protocol is not TCP's number)."""
    plain = listener()
    assert plain.proto != socket.IPPROTO_TCP
    assert accepted_nodelay(plain) == 0


def test_connections_of_the_shared_socket_are_sent_without_delay() -> None:
    """Through ``without_nagle`` every accepted connection has TCP_NODELAY."""
    assert accepted_nodelay(without_nagle(listener())) != 0


def served_nodelay(loop: EventLoop, bound: socket.socket) -> int:
    """``TCP_NODELAY`` on a connection accepted by ``loop``'s server on ``bound`` (as a worker of
    ``ledger serve --workers N --loop LOOP`` serves the shared socket)."""
    found: list[int] = []

    class Seen(asyncio.Protocol):
        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            found.append(transport.get_extra_info("socket").getsockopt(socket.IPPROTO_TCP,
                                                                       socket.TCP_NODELAY))

    async def accept_one() -> None:
        server = await asyncio.get_running_loop().create_server(Seen, sock=bound)
        async with server:
            _, writer = await asyncio.open_connection(*bound.getsockname())
            while not found:
                await asyncio.sleep(0.01)
            writer.close()

    factory = uvicorn.Config(lambda: None, loop=loop.value).get_loop_factory()
    run_in_own_thread(accept_one(), factory)  # never the worker's main thread (see the helper)
    return found[0]


def test_uvloop_sets_nodelay_itself() -> None:
    """The premise for the default loop: uvloop sets TCP_NODELAY on every connection it accepts,
    even from ``bind_socket``'s protocol-0 listener (``without_nagle`` is then belt and braces)."""
    plain = uvicorn.Config(lambda: None, host="127.0.0.1", port=0).bind_socket()
    assert served_nodelay(EventLoop.UVLOOP, plain) != 0


@pytest.mark.parametrize("loop", list(EventLoop))
def test_served_connections_are_sent_without_delay_on_either_loop(loop: EventLoop) -> None:
    """Connections a worker accepts on the shared socket carry TCP_NODELAY, uvloop or asyncio."""
    shared = without_nagle(uvicorn.Config(lambda: None, host="127.0.0.1", port=0).bind_socket())
    assert served_nodelay(loop, shared) != 0
