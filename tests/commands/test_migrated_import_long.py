"""A long migration (``ledger import --as-recorded``, the demo) outlives its cache of recent
stories: a story whose registration left the cache long ago is read back from the log, and its
later lines are appended, not refused as "no story" (the demo lost 1,148 lines so)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest
from builders import nhs_number

from commands import Ledger
from commands.audit_log import AuditLog
from commands.imported_stories import story_bytes
from commands.migrated_import import MigratedImport, RecordedLine

START = datetime(2025, 1, 6, 9, tzinfo=UTC)
PEOPLE = [str(uuid4()) for _ in range(12)]


@pytest.fixture
def audit_log(env: dict[str, str]) -> Iterator[AuditLog]:
    """The audit log beside the test's ledger."""
    app = AuditLog(env=env)
    yield app
    app.close()


def recorded(minute: int, type_: str, data: dict[str, object], person: str = "") -> RecordedLine:
    """One line, recorded (and occurring) ``minute`` minutes after the start."""
    at = START + timedelta(minutes=minute)
    body = {"type": type_, "provider_id": "hub", "staff_id": "s-1", "occurred_at": at.isoformat(),
            "data": data} | ({"person_id": person} if person else {})
    return at, json.dumps(body)


def history() -> list[RecordedLine]:
    """The Hub, twelve people registered one a minute, then a contact with the first of them."""
    hub = {"name": "Hub", "tier": "community", "service": "hub", "unit_cost_gbp": "38.00",
           "bed_day_cost_gbp": "0"}
    lines = [recorded(0, "ProviderRegistered", hub)]
    lines += [recorded(1 + i, "PersonRegistered", {
        "nhs_number": nhs_number(100 * (i + 1)), "given_name": "Ada", "family_name": "Example",
        "birth_date": "1990-04-01"}, person) for i, person in enumerate(PEOPLE)]
    contact = {"contact_id": "c-1", "channel": "telephone", "attendance": "attended",
               "purpose": "drop_in", "duration_minutes": 20}
    return [*lines, recorded(60, "ContactRecorded", contact, PEOPLE[0])]


def test_a_story_gone_from_the_cache_takes_its_later_lines(ledger: Ledger,
                                                            audit_log: AuditLog) -> None:
    """Batches of two, a cache of three stories: the first person's contact is still appended."""
    importer = MigratedImport(ledger, audit_log, batch_size=2, cache_bytes=3 * story_bytes(1))
    assert importer.run(history(), operator="test") == 14
    assert importer.rejections == []
