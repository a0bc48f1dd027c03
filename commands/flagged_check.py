"""The privacy officer's report as it was computed before its table: a scan of the whole access
log, kept as the check that ``commands.flagged_reads`` lists what the log says."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from commands.access_log import AccessLog, Read, read_of
from commands.log_side_table import every_event
from ledger.access import READ_TOPIC


def flagged_in_log(access_log: AccessLog, provider_id: str | None, since: datetime | None,
                   until: datetime | None, limit: int) -> list[tuple[UUID, Read]]:
    """Break-glass reads and relationship claims across people, newest first, from the log."""
    found: list[tuple[UUID, Read]] = []
    for event in every_event(access_log, topics=[READ_TOPIC]):
        read = read_of(event)
        if (read.break_glass and (provider_id is None or read.provider_id == provider_id)
                and (since is None or read.at >= since) and (until is None or read.at <= until)):
            found.append((event.originator_id, read))
    return sorted(found, key=lambda pair: pair[1].at, reverse=True)[:limit]
