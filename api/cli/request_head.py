"""A bound on what one request's head (request line and headers) may make the server buffer.

uvicorn's httptools protocol buffers a head for as long as the client keeps sending it: a header
of ten megabytes is read whole (and copied again with every piece) before the app sees it, where
h11 gives up past 16 KiB still incomplete. ``BoundedHead`` restores that bound for httptools: once
a head is still open after a further piece of it arrived, the bytes of those pieces are counted,
and past ``MAX_HEAD_BYTES`` the request is answered 431 and the connection closed. What the
server buffers is so at most the bound and one read from the socket. The app refuses a head over
the same size that arrived whole (``api.http.middleware``), under either parser.
"""

from __future__ import annotations

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from api.http.middleware import MAX_HEAD_BYTES

_TOO_LARGE = (b"HTTP/1.1 431 Request Header Fields Too Large\r\ncontent-type: text/plain; charset=utf-8\r\n"
              b"content-length: 32\r\nconnection: close\r\n\r\nthe request's head is too large\n")


class BoundedHead(HttpToolsProtocol):
    """uvicorn's httptools protocol, refusing a head that goes on past ``MAX_HEAD_BYTES``."""

    head_open = False  # between a message's first byte and the end of its headers
    head_began_here = False  # the head opened in the piece being fed
    head_bytes = 0  # bytes of the open head's later pieces

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self.head_open, self.head_began_here = True, True

    def on_headers_complete(self) -> None:
        self.head_open = False
        super().on_headers_complete()

    def data_received(self, data: bytes) -> None:
        self.head_began_here = False
        super().data_received(data)
        if not self.head_open or self.transport.is_closing():
            return
        self.head_bytes = 0 if self.head_began_here else self.head_bytes + len(data)
        if self.head_bytes > MAX_HEAD_BYTES:
            self.logger.warning("Request head too large.")
            self.transport.write(_TOO_LARGE)
            self.transport.close()
