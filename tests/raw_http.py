"""Bytes over a real socket to a served app, for what an HTTP client library would never send:
broken request lines, bad headers, lying Content-Lengths, truncated and pipelined requests."""

from __future__ import annotations

import re
import socket
from urllib.parse import urlsplit

_STATUS_LINE = re.compile(rb"HTTP/1\.[01] (\d{3}) ")


def exchange(base: str, data: bytes, pieces: int = 1, timeout: float = 5.0,
             close_sending: bool = True) -> bytes:
    """Send ``data`` (in ``pieces`` writes), close the sending side (unless told not to: the data
    itself then asks the server to close), and read until the server closes; answers what came
    back (nothing if the server reset the connection first). A server that neither answers nor
    closes within ``timeout`` raises ``TimeoutError``."""
    where = urlsplit(base)
    answer = b""
    with socket.create_connection((where.hostname, where.port), timeout=timeout) as connection:
        try:
            size = max(1, -(-len(data) // pieces))
            for start in range(0, len(data), size):
                connection.sendall(data[start:start + size])
            if close_sending:
                connection.shutdown(socket.SHUT_WR)
            while chunk := connection.recv(65536):
                answer += chunk
        except (ConnectionResetError, BrokenPipeError):
            pass
    return answer


def statuses(answer: bytes) -> list[int]:
    """The status codes of the answers in what came back, in order."""
    return [int(code) for code in _STATUS_LINE.findall(answer)]


def get(path: str, *headers: bytes) -> bytes:
    """A well-formed GET of ``path`` that closes the connection after its answer."""
    lines = [b"GET " + path.encode() + b" HTTP/1.1", b"Host: ledger", *headers, b"Connection: close"]
    return b"\r\n".join(lines) + b"\r\n\r\n"
