"""The access logs this process wrote to lately, kept so that recording a read loads nothing.

A person's access log holds no personal data at all: its id (the person's), its version and how
many reads it has counted (each read's reason is sealed in the event, never kept here). So the
last one saved is kept, up to ``LEDGER_ACCESS_LOG_CACHE_SIZE`` people (least recently used
dropped first), and the next read of the story is a copy of it at version + 1, saved as it is.
Kept logs may be behind the log when another process recorded a read meanwhile: the save then
repeats a stored version and is refused (``IntegrityError``), the kept log is dropped and the
read tried again on the log reloaded (from its snapshot), as every read was before.

An erasure forgets the person here too: at once when this process erased (``forget``), and in
every other within ``LEDGER_ERASURE_POLL_SECONDS`` (``commands.erasure_watch``); a read being
recorded meanwhile does not keep its log afterwards (``ledger.kept``).
"""

from __future__ import annotations

import copy
from uuid import UUID

from ledger.access import StoryAccessLog
from ledger.kept import Kept

DEFAULT_SIZE = 10_000  # people; a kept log is a few hundred bytes


class KeptAccessLogs:
    """A bounded map of person id to the access log last saved for them, handed out as copies."""

    def __init__(self, size: int = DEFAULT_SIZE) -> None:
        self._logs: Kept[UUID, StoryAccessLog] = Kept(size)

    def copy_of(self, person_id: UUID) -> StoryAccessLog | None:
        """A copy of the person's kept log to record the next read on, or None if none is kept."""
        kept = self._logs.get(person_id)
        return None if kept is None else copy.deepcopy(kept)

    def mark(self) -> int:
        """Taken before a read is recorded, and handed to ``keep`` (``ledger.kept``)."""
        return self._logs.mark()

    def keep(self, log: StoryAccessLog, since: int | None = None) -> None:
        """Keep a log just saved (no pending events), unless a later version is kept already or
        the person was erased after the mark ``since``."""
        self._logs.put(log.id, copy.deepcopy(log), since=since,
                       replaces=lambda kept: kept.version < log.version)

    def drop(self, person_id: UUID) -> None:
        """Drop the person's kept log (its save was refused: the next read reloads it)."""
        self._logs.pop(person_id)

    def forget(self, person_id: UUID) -> None:
        """Drop the person's kept log (erased), and refuse it from any read recorded meanwhile."""
        self._logs.forget(person_id)

    def __contains__(self, person_id: object) -> bool:
        return person_id in self._logs
