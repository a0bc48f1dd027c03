"""A bounded map, least recently used leaving first, safe across threads: what each process keeps
in memory (recent stories, access logs, verified tokens) so that a request loads less.

A size below 1 keeps nothing. Callers decide what may be kept (nothing personal in clear, or
only sealed values). An erasure evicts with ``forget``, which also refuses every ``put`` of that
key by a load begun before it: a read that fetched the person before the erasure and puts after
it would otherwise bring them back. Such a load takes ``mark()`` before it fetches and hands it
to ``put``. The last ``FORGOTTEN`` keys forgotten are remembered one by one; a load begun before
an older forget may put nothing at all (it is read again next time, no harm).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

Key = TypeVar("Key")
Value = TypeVar("Value")
FORGOTTEN = 10_000  # keys whose forgets are remembered one by one (about 100 bytes each)


class Kept(Generic[Key, Value]):
    """At most ``size`` values by key; a ``get`` or ``put`` makes a key the most recently used."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._values: OrderedDict[Key, Value] = OrderedDict()
        self._lock = threading.Lock()
        self._forgets = 0  # how many forgets so far: the mark a load takes
        self._forgotten: OrderedDict[Key, int] = OrderedDict()  # key: the count at its last forget
        self._floor = 0  # the count at the last forget no longer remembered by key

    def get(self, key: Key) -> Value | None:
        """The value kept under ``key`` (now the most recently used), or None."""
        with self._lock:
            value = self._values.get(key)
            if value is not None:
                self._values.move_to_end(key)
            return value

    def mark(self) -> int:
        """Taken before a load: a ``put`` of its value with this mark is refused if the key is
        forgotten meanwhile."""
        with self._lock:
            return self._forgets

    def put(self, key: Key, value: Value,
            replaces: Callable[[Value], bool] = lambda _kept: True, since: int | None = None) -> None:
        """Keep ``value`` under ``key`` (unless ``replaces`` says the value kept there stays, or
        the key was forgotten after the mark ``since``), dropping the least recently used
        beyond the size."""
        if self.size < 1:
            return
        with self._lock:
            if since is not None and (since < self._floor or self._forgotten.get(key, 0) > since):
                return
            kept = self._values.get(key)
            if kept is None or replaces(kept):
                self._values[key] = value
            self._values.move_to_end(key)
            while len(self._values) > self.size:
                self._values.popitem(last=False)

    def pop(self, key: Key) -> Value | None:
        """Take the value out (None when none is kept); a later ``put`` may bring it back."""
        with self._lock:
            return self._values.pop(key, None)

    def forget(self, key: Key) -> None:
        """Drop the value and refuse its ``put`` by every load marked before now (erased)."""
        with self._lock:
            self._values.pop(key, None)
            self._forgets += 1
            self._forgotten[key] = self._forgets
            self._forgotten.move_to_end(key)
            while len(self._forgotten) > FORGOTTEN:
                self._floor = self._forgotten.popitem(last=False)[1]

    def __contains__(self, key: object) -> bool:
        with self._lock:
            return key in self._values
