"""The person keys one process holds, each for a while; those held too long leave as more come.

A key (or the mark of an erased person's key) is answered for ``seconds`` after it was read.
Whenever the keys held have doubled since the last sweep, those held longer are dropped, so a
process holds about the keys of the people it met lately, however many it meets: an import of
ten million lines, or a server up for months, once held every key it had ever read.
"""

from __future__ import annotations

from uuid import UUID

FIRST_SWEEP = 1024
"""Keys held before the first sweep."""


class HeldKeys:
    """People's keys, each with the moment it was read; safe to share between threads."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._held: dict[UUID, tuple[bytes, float]] = {}
        self._sweep_at = FIRST_SWEEP

    def get(self, person_id: UUID, now: float) -> bytes | None:
        """The key held for the person, if read less than ``seconds`` before ``now``."""
        held = self._held.get(person_id)
        return held[0] if held is not None and now - held[1] < self.seconds else None

    def put(self, person_id: UUID, key: bytes, now: float) -> None:
        """Hold the key read at ``now``, first sweeping out the stale once the keys have doubled."""
        self._held[person_id] = (key, now)
        if len(self._held) >= self._sweep_at:
            self._sweep(now)

    def _sweep(self, now: float) -> None:
        """Drop the keys held ``seconds`` or longer. In place: a key dropped is only read again,
        and an erasure marked by another thread meanwhile is never put back unmarked."""
        for person_id, (_, read_at) in list(self._held.items()):
            if now - read_at >= self.seconds:
                self._held.pop(person_id, None)
        self._sweep_at = max(2 * len(self._held), FIRST_SWEEP)

    def holds(self, person_id: UUID, key: bytes) -> bool:
        """Whether ``key`` is what is held for the person, however long ago it was read."""
        held = self._held.get(person_id)
        return held is not None and held[0] == key

    def clear(self) -> None:
        self._held.clear()

    def __len__(self) -> int:
        return len(self._held)
