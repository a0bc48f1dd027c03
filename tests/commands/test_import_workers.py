"""Bulk import with its lines checked in worker processes: the same report, the same stories."""

from __future__ import annotations

from uuid import UUID

import pytest
from import_lines import HUB, PERSON, REGISTERED, contact_line, line

from commands import Ledger
from commands.bulk_import import BulkImport, ImportReport

BAD_LINES = [b'{"type": "ContactRecorded", ', contact_line("c-x", duration_minutes="twenty"),
             line("ContactTeleported", {}), contact_line("c-u").replace(b"tele", b"t\xffle"),
             contact_line("c-f").replace(b"2025-01-06", b"2099-01-06")]


def lines() -> list[bytes]:
    """Valid lines interleaved with one of each kind of bad line, and a blank line."""
    found = [HUB, REGISTERED, b"   "]
    for number, bad in enumerate(BAD_LINES):
        found += [bad, contact_line(f"c-{number}")]
    return found


@pytest.fixture
def report(ledger: Ledger) -> ImportReport:
    """The file imported with one worker, in chunks smaller than the file."""
    importer = BulkImport(ledger, batch_size=3, workers=1)
    importer.checkers.chunk_lines = 4
    return importer.run(enumerate(lines(), start=1), lambda n: None)


def test_lines_checked_in_a_worker_land_in_their_story_in_order(ledger: Ledger,
                                                                report: ImportReport) -> None:
    """The registration and every valid contact, in the file's order."""
    contacts = [entry.data["contact_id"] for entry in ledger.story(UUID(PERSON)).entries[1:]]
    assert contacts == [f"c-{n}" for n in range(len(BAD_LINES))]


def test_a_worker_reports_each_bad_line_by_its_number_and_field(report: ImportReport) -> None:
    """The numbers count the blank line; each reason names what was wrong, as without workers."""
    reasons = dict(report.rejections)
    assert sorted(reasons) == [4 + 2 * n for n in range(len(BAD_LINES))]
    assert [reasons[n].split(":")[0] for n in sorted(reasons)] == [
        "line", "data.duration_minutes", "type", "line", "occurred_at"]
