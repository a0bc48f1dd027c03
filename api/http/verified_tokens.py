"""Tokens this process verified lately, kept so that a token's signature is checked once, not
at every request.

A bearer token is the same string at every request of its holder, and everything ``verify``
checks in it (signature, issuer, id, lifetime, role) is fixed by that string but its expiry. So
the caller a good token named is kept, up to ``SIZE`` tokens (least recently used dropped), under
the token and the key that verified it, and handed out again only while it has not expired; a bad
token is never kept (it is verified, and refused, every time). Revocation is asked separately at
every request (``commands.revoked_tokens``), so keeping a token never lets a revoked one in.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from datetime import UTC, datetime

from api.http.tokens import Caller, verify

SIZE = 10_000


class VerifiedTokens:
    """A bounded map of (key, token) to the caller it names, each good until its expiry."""

    def __init__(self, size: int = SIZE) -> None:
        self.size = size
        self._callers: OrderedDict[tuple[str, str], Caller] = OrderedDict()
        self._lock = threading.Lock()

    def caller(self, token: str, key: str) -> Caller:
        """The caller the token names (``BadToken`` if it is not good, or expired)."""
        with self._lock:
            kept = self._callers.get((key, token))
            if kept is not None:
                self._callers.move_to_end((key, token))
        if kept is not None and kept.expires_at is not None and kept.expires_at > datetime.now(UTC):
            return kept
        caller = verify(token, key)
        if caller.expires_at is not None:
            with self._lock:
                self._callers[(key, token)] = caller
                while len(self._callers) > self.size:
                    self._callers.popitem(last=False)
        return caller
