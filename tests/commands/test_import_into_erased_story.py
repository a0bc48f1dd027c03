"""``ledger import`` into an erased story: a line whose free text the erasure would lose is
refused, as the API refuses it, not stored emptied and counted as imported."""

from __future__ import annotations

from uuid import UUID

from erasure_race import erase
from import_lines import HUB, PERSON, REGISTERED, contact_line

from commands import Ledger
from commands.bulk_import import BulkImport, ImportReport


def run(ledger: Ledger, lines: list[bytes]) -> ImportReport:
    """One batch holding every line."""
    return BulkImport(ledger, batch_size=10).run(enumerate(lines, start=1), lambda n: None)


def test_a_contact_with_a_summary_is_refused_and_not_stored(ledger: Ledger, env: dict[str, str]) -> None:
    run(ledger, [HUB, REGISTERED])
    erase(ledger, env, UUID(PERSON))
    report = run(ledger, [contact_line("c-1", summary="Talked about the rent arrears.")])
    assert ([n for n, _ in report.rejections], len(ledger.story(UUID(PERSON)).entries)) == ([1], 1)


def test_a_contact_without_text_is_still_imported(ledger: Ledger, env: dict[str, str]) -> None:
    run(ledger, [HUB, REGISTERED])
    erase(ledger, env, UUID(PERSON))
    report = run(ledger, [contact_line("c-1")])
    assert (report.rejections, len(ledger.story(UUID(PERSON)).entries)) == ([], 2)
