"""A bounded map, least recently used leaving first, safe across threads: what each process keeps
in memory (recent stories, access logs, verified tokens) so that a request loads less.

A size below 1 keeps nothing. Callers decide what may be kept (nothing personal in clear, or
only sealed values) and evict on erasure with ``pop``.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

Key = TypeVar("Key")
Value = TypeVar("Value")


class Kept(Generic[Key, Value]):
    """At most ``size`` values by key; a ``get`` or ``put`` makes a key the most recently used."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._values: OrderedDict[Key, Value] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Key) -> Value | None:
        """The value kept under ``key`` (now the most recently used), or None."""
        with self._lock:
            value = self._values.get(key)
            if value is not None:
                self._values.move_to_end(key)
            return value

    def put(self, key: Key, value: Value,
            replaces: Callable[[Value], bool] = lambda _kept: True) -> None:
        """Keep ``value`` under ``key`` (unless ``replaces`` says the value kept there stays),
        dropping the least recently used beyond the size."""
        if self.size < 1:
            return
        with self._lock:
            kept = self._values.get(key)
            if kept is None or replaces(kept):
                self._values[key] = value
            self._values.move_to_end(key)
            while len(self._values) > self.size:
                self._values.popitem(last=False)

    def pop(self, key: Key) -> Value | None:
        """Take the value out (None when none is kept)."""
        with self._lock:
            return self._values.pop(key, None)

    def __contains__(self, key: object) -> bool:
        with self._lock:
            return key in self._values
