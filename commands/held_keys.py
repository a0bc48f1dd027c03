"""The person keys one process holds, each for a while, and never more than so many at once.

A key (or the mark of an erased person's key) is answered for ``seconds`` after it was read.
Whenever the keys held have doubled since the last sweep, those held longer are dropped, so a
process holds about the keys of the people it met lately: an import of ten million lines, or a
server up for months, once held every key it had ever read. The people met in ``seconds`` grow
with the rate, though (an import met 65,000 in a minute, 17 MB of keys), so past ``most`` keys
the longest held leave first, whatever their age; a dropped key is only read again. The mark of
an erased person's key leaves only with its time: a key read before the erasure and cached after
must never replace it.
"""

from __future__ import annotations

from uuid import UUID

FIRST_SWEEP = 1024
"""Keys held before the first sweep."""
MOST_HELD = 20_000
"""Keys held at most (about 270 bytes each), erasure marks aside."""


class HeldKeys:
    """People's keys, each with the moment it was read; safe to share between threads."""

    def __init__(self, seconds: float, most: int | None = None) -> None:
        self.seconds = seconds
        self.most = MOST_HELD if most is None else most
        self._held: dict[UUID, tuple[bytes, float]] = {}  # the longest held first
        self._sweep_at = min(FIRST_SWEEP, self.most)

    def get(self, person_id: UUID, now: float) -> bytes | None:
        """The key held for the person, if read less than ``seconds`` before ``now``."""
        held = self._held.get(person_id)
        return held[0] if held is not None and now - held[1] < self.seconds else None

    def put(self, person_id: UUID, key: bytes, now: float) -> None:
        """Hold the key read at ``now``, first sweeping out the stale once the keys have doubled,
        then the longest held past ``most``."""
        self._held.pop(person_id, None)
        self._held[person_id] = (key, now)
        if len(self._held) >= self._sweep_at:
            self._sweep(now)

    def _sweep(self, now: float) -> None:
        """Drop the keys held ``seconds`` or longer, then the longest held down to three quarters
        of ``most`` (erasure marks kept). In place: a key dropped is only read again, and an
        erasure marked by another thread meanwhile is never put back unmarked."""
        held = list(self._held.items())  # one step: other threads may put meanwhile
        for person_id, (_, read_at) in held:
            if now - read_at >= self.seconds:
                self._held.pop(person_id, None)
        excess = len(self._held) - self.most * 3 // 4
        for person_id, entry in held:
            if excess <= 0:
                break
            if entry[0] and self._held.get(person_id) is entry:  # a key, not an erasure's mark
                del self._held[person_id]
                excess -= 1
        self._sweep_at = min(max(2 * len(self._held), FIRST_SWEEP), self.most)

    def holds(self, person_id: UUID, key: bytes) -> bool:
        """Whether ``key`` is what is held for the person, however long ago it was read."""
        held = self._held.get(person_id)
        return held is not None and held[0] == key

    def clear(self) -> None:
        self._held.clear()

    def __len__(self) -> int:
        return len(self._held)
