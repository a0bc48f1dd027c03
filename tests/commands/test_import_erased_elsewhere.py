"""``ledger import`` into a story erased by another process that the importing one has not heard
of (its key still cached): a line giving free text is refused, not stored under the destroyed
key and counted as imported. The batch's ``COPY`` asks under the write lock; the lines are then
redone one by one, the person now held erased."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from uuid import UUID

import pytest
from erasure_race import ERASURE_WATCH_ASLEEP, erase_elsewhere
from import_lines import HUB, PERSON, REGISTERED, contact_line

from commands import Ledger
from commands.bulk_import import BulkImport, ImportReport


@pytest.fixture
def importer(env: dict[str, str]) -> Iterator[Ledger]:
    """The importing process, its erasure watch asleep."""
    app = Ledger(env={**env, **ERASURE_WATCH_ASLEEP})
    yield app
    app.close()


def run(ledger: Ledger, lines: list[bytes]) -> ImportReport:
    """One batch holding every line."""
    return BulkImport(ledger, batch_size=10).run(enumerate(lines, start=1), lambda n: None)


def test_a_summary_for_a_person_erased_elsewhere_is_refused_and_not_stored(
    importer: Ledger, database_url: str, schema: str, tmp_path: Path
) -> None:
    run(importer, [HUB, REGISTERED])
    erase_elsewhere(UUID(PERSON), database_url, schema, tmp_path / ".ledger")
    assert importer.person_keys.key_for(UUID(PERSON), create=False) is not None  # not heard yet
    report = run(importer, [contact_line("c-1", summary="Talked about the rent arrears.")])
    assert [n for n, _ in report.rejections] == [1]
    assert len(importer.sealed_story(UUID(PERSON)).entries) == 1
