"""``ledger serve --workers N`` shares one listening socket made by uvicorn's ``bind_socket``, with
protocol 0, so asyncio never set ``TCP_NODELAY`` on its connections and every answer written in
two parts waited 40 ms for the client's delayed acknowledgement (found in the benchmark: every
request of a two-process server took 44 ms). The listener now carries the option, and the
connections it accepts inherit it."""

from __future__ import annotations

import socket

import uvicorn

from api.cli.serving import without_nagle


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
