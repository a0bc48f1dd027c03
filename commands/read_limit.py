"""A stranger's refused story read: counted first, then written to the story's access log, or,
past the reader's limit, refused with ``TooManyRefusedReads`` (429) and written nowhere but the
count. The same for a real story and an unknown id, so that the limit tells nothing either: both
were refused before they are counted, both are counted, both written or neither.

The limit is ``LEDGER_REFUSED_READ_LIMIT`` refused reads per ``LEDGER_REFUSED_READ_WINDOW``
seconds (``commands.refused_reads`` keeps the count, shared by every server process).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from uuid import UUID

from commands.access_log import AccessLog, Read
from ledger.errors import TooManyRefusedReads

DEFAULT_LIMIT = 20
DEFAULT_WINDOW_SECONDS = 3600
TOO_MANY = "person_id: too many story reads refused lately; try again after Retry-After seconds"


@dataclass(frozen=True)
class ReadLimit:
    """How many refused story reads a reader may have within one window."""

    limit: int
    window: timedelta

    @classmethod
    def of(cls, env: Mapping[str, str]) -> ReadLimit:
        """The deployment's limit, from the access log's env (the defaults when unset)."""
        limit = int(env.get("LEDGER_REFUSED_READ_LIMIT") or DEFAULT_LIMIT)
        seconds = int(env.get("LEDGER_REFUSED_READ_WINDOW") or DEFAULT_WINDOW_SECONDS)
        return cls(limit, timedelta(seconds=seconds))


def record_refused(access_log: AccessLog, person_id: UUID, read: Read, reader: tuple[str, str]) -> None:
    """Count a refused read against ``reader`` (provider and staff id, or ``self`` and a person's
    story id), then write it to the access log; past the limit, ``TooManyRefusedReads`` instead."""
    limit = ReadLimit.of(access_log.env)
    table = access_log.recorder.refused  # type: ignore[attr-defined]
    refused, left = table.count(read.role, reader, read.at, limit.limit, limit.window)
    if refused > limit.limit:
        raise TooManyRefusedReads(TOO_MANY, "person_id", left)
    access_log.record_read(person_id, read)
