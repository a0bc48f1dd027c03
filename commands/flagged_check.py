"""The privacy officer's report as it was computed before its table: a scan of the whole access
log, kept as the check that ``commands.flagged_reads`` lists what the log says."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any
from uuid import UUID

from commands.access_log import AccessLog, Read, read_of
from ledger.access import READ_TOPIC


def flagged_in_log(access_log: AccessLog, provider_id: str | None, since: datetime | None,
                   until: datetime | None, limit: int) -> list[tuple[UUID, Read]]:
    """Break-glass reads and relationship claims across people, newest first, from the log."""
    found: list[tuple[UUID, Read]] = []
    for notification in notifications(access_log):
        if notification.topic != READ_TOPIC:
            continue
        event = access_log.mapper.to_domain_event(notification)
        read = read_of(event)
        if (read.break_glass and (provider_id is None or read.provider_id == provider_id)
                and (since is None or read.at >= since) and (until is None or read.at <= until)):
            found.append((event.originator_id, read))
    return sorted(found, key=lambda pair: pair[1].at, reverse=True)[:limit]


def notifications(access_log: AccessLog) -> Iterator[Any]:
    """Every stored event of the access log, in the log's order."""
    start = 1
    while page := access_log.recorder.select_notifications(start, 1000):
        yield from page
        start = page[-1].id + 1
