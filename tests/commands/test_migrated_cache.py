"""Migrated import: a story its cache let go is read from the log, not refused as unknown."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from uuid import UUID

import pytest
from import_lines import HUB, PERSON, REGISTERED, contact_line

from commands import Ledger
from commands.audit_log import AuditLog
from commands.imported_stories import StoryCache
from commands.migrated_import import MigratedImport


@pytest.fixture
def audit_log(env: dict[str, str]) -> Iterator[AuditLog]:
    log = AuditLog(env=env)
    yield log
    log.close()


def test_a_story_evicted_between_batches_is_read_back(ledger: Ledger, audit_log: AuditLog) -> None:
    """One line a batch and a cache of one entry: each batch finds the story in the log."""
    importer = MigratedImport(ledger, audit_log, batch_size=1)
    importer.cache = StoryCache(1)
    lines = [HUB, REGISTERED, contact_line("c-1"), contact_line("c-2")]
    start = datetime(2025, 1, 7, 9, tzinfo=UTC)
    importer.run([(start + timedelta(minutes=n), json.dumps(json.loads(raw)))
                  for n, raw in enumerate(lines)])
    assert (importer.rejections, ledger.story(UUID(PERSON)).version) == ([], 3)
