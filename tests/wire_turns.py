"""A TCP relay to PostgreSQL that counts round trips on the wire, for the write path's tests.

A round trip is counted each time the server speaks after the client has: PostgreSQL sends its
answers only at a ``Sync`` or a ``Flush`` (or when its buffer fills), so a pipeline's statements
sent together and answered together count once, whatever the library does on its side.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class CountingRelay:
    """Relays every connection made to ``port`` to PostgreSQL, counting the round trips."""

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self.listener.getsockname()[1])
        self.turns = 0
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, name="relay", daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:  # closed
                return
            server = socket.create_connection(self.target)
            spoke = ["server"]  # who spoke last on this connection
            for source, sink, side in ((client, server, "client"), (server, client, "server")):
                threading.Thread(target=self._pump, args=(source, sink, side, spoke),
                                 daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket, side: str, spoke: list[str]) -> None:
        try:
            while data := source.recv(65536):
                with self.lock:
                    if side == "server" and spoke[0] == "client":
                        self.turns += 1
                    spoke[0] = side
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
