"""A TCP relay to PostgreSQL that counts round trips on the wire, for the write path's tests.

A round trip is counted each time the server speaks after the client has: PostgreSQL sends its
answers only at a ``Sync`` or a ``Flush`` (or when its buffer fills), so a pipeline's statements
sent together and answered together count once, whatever the library does on its side.

A test may also set ``on_chunk``, which sees each chunk either side sends before it is passed on
and may cut the connection there (the chunk then never reaches the other side).
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager


class Connection:
    """One relayed connection: which side spoke last on it (the server, before anyone has)."""

    def __init__(self) -> None:
        self.spoke = "server"


ChunkHook = Callable[[Connection, str, bytes], bool]
"""Sees a connection, the side that sent (``client`` or ``server``) and the chunk; False cuts."""


def upstream(host: str, port: int) -> socket.socket:
    """A connection to PostgreSQL: over TCP, or over its Unix socket when ``host`` is a
    directory (the embedded server, ``make test`` without ``DATABASE_URL``)."""
    if not host.startswith("/"):
        return socket.create_connection((host, port))
    unix = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    unix.connect(f"{host}/.s.PGSQL.{port}")
    return unix


class CountingRelay:
    """Relays every connection made to ``port`` to PostgreSQL, counting the round trips."""

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self.listener.getsockname()[1])
        self.turns = 0
        self.lock = threading.Lock()
        self.on_chunk: ChunkHook | None = None
        threading.Thread(target=self._accept, name="relay", daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:  # closed
                return
            server = upstream(*self.target)
            connection = Connection()
            for source, sink, side in ((client, server, "client"), (server, client, "server")):
                threading.Thread(target=self._pump, args=(source, sink, side, connection),
                                 daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket, side: str,
              connection: Connection) -> None:
        try:
            while data := source.recv(65536):
                hook = self.on_chunk
                if hook is not None and not hook(connection, side, data):
                    for end in (source, sink):  # a close alone sends nothing while the other
                        end.shutdown(socket.SHUT_RDWR)  # pump is blocked reading it
                    break
                with self.lock:
                    if side == "server" and connection.spoke == "client":
                        self.turns += 1
                    connection.spoke = side
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                end.close()

    @contextmanager
    def counting(self) -> Iterator[list[int]]:
        """Yields a list that holds, once the block ends, the round trips made in it."""
        counted: list[int] = []
        with self.lock:
            before = self.turns
        yield counted
        with self.lock:
            counted.append(self.turns - before)

    def close(self) -> None:
        self.listener.close()
