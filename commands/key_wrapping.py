"""Person keys wrapped by the deployment's master key, which is never stored in PostgreSQL.

A person's key is stored as ``WRAPPED + nonce + AES-GCM(master, key)``, bound to the person's id,
so a wrapped key copied from an old page, the write-ahead log or a backup opens nothing without
the master key in use when it was wrapped, and ``ledger rotate-master-key`` re-wraps every live
key under a new one. ``KeyWrapper`` is the interface a key management service would implement
(wrap and unwrap by a key it never hands out); ``MasterKey`` is the local one, from the
``LEDGER_MASTER_KEY`` setting or the ``master-key`` file under ``LEDGER_HOME``.

Keys stored before wrapping existed are 32 raw bytes: they are read as they are until the next
``ledger rotate-master-key``, which wraps them too.
"""

from __future__ import annotations

import hashlib
import os
from typing import Protocol
from uuid import UUID

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

WRAPPED = b"\x01"  # the first byte of a wrapped key (version 1)
RAW_LENGTH = 32
LABEL = b"care-journey-ledger: wraps person keys, v1|"


class KeyWrapper(Protocol):
    """Wraps and unwraps person keys under a key it never hands out (a KMS fits here)."""

    def wrap(self, key: bytes, person_id: UUID) -> bytes:
        """The key as stored: opens only with this wrapper, for this person."""
        ...

    def unwrap(self, stored: bytes, person_id: UUID) -> bytes | None:
        """The key a stored value holds; None when it does not open (another master key)."""
        ...


class MasterKey:
    """The local wrapper: AES-256-GCM under a key derived from the deployment's master key."""

    def __init__(self, secret: str) -> None:
        self._aead = AESGCM(hashlib.sha256(LABEL + secret.encode()).digest())

    def wrap(self, key: bytes, person_id: UUID) -> bytes:
        """The key wrapped for this person."""
        nonce = os.urandom(12)
        return WRAPPED + nonce + self._aead.encrypt(nonce, key, person_id.bytes)

    def unwrap(self, stored: bytes, person_id: UUID) -> bytes | None:
        """The key, or None when ``stored`` was wrapped under another master key or person."""
        if not is_wrapped(stored):
            return stored if len(stored) == RAW_LENGTH else None
        try:
            return self._aead.decrypt(stored[1:13], stored[13:], person_id.bytes)
        except InvalidTag:
            return None


class Unwrapped:
    """No master key: keys are stored raw (only direct use of the library without a deployment)."""

    def wrap(self, key: bytes, person_id: UUID) -> bytes:
        """The key itself."""
        return key

    def unwrap(self, stored: bytes, person_id: UUID) -> bytes | None:
        """A raw key as it is; a wrapped one cannot be opened."""
        return None if is_wrapped(stored) else stored


def is_wrapped(stored: bytes) -> bool:
    """Whether a stored key is wrapped (raw keys are exactly 32 bytes)."""
    return len(stored) != RAW_LENGTH and stored[:1] == WRAPPED


def wrapper_of(env: dict[str, str] | object) -> KeyWrapper:
    """The wrapper the application's settings name (``LEDGER_MASTER_KEY``)."""
    secret = env.get("LEDGER_MASTER_KEY") if hasattr(env, "get") else None
    return MasterKey(secret) if secret else Unwrapped()
