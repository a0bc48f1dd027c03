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

from datetime import UTC, datetime

from api.http.tokens import Caller, verify
from ledger.kept import Kept

SIZE = 10_000


class VerifiedTokens:
    """A bounded map of (key, token) to the caller it names, each good until its expiry."""

    def __init__(self, size: int = SIZE) -> None:
        self._callers: Kept[tuple[str, str], Caller] = Kept(size)

    def caller(self, token: str, key: str) -> Caller:
        """The caller the token names (``BadToken`` if it is not good, or expired)."""
        kept = self._callers.get((key, token))
        if kept is not None and kept.expires_at is not None and kept.expires_at > datetime.now(UTC):
            return kept
        caller = verify(token, key)
        if caller.expires_at is not None:
            self._callers.put((key, token), caller)
        return caller
