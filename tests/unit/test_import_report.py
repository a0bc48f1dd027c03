"""commands.import_report: every rejected line counted, the reasons of only the first kept."""

from __future__ import annotations

from commands.import_report import LISTED, ImportReport


def test_a_report_counts_every_rejected_line_and_holds_few_reasons() -> None:
    """50,000 lines rejected, last first: all counted, never more than twice ``LISTED`` reasons
    held, and the ``LISTED`` lowest-numbered listed in the file's order."""
    report, held = ImportReport(), []
    for number in range(50_000, 0, -1):
        report.reject(number, "field: wrong")
        held.append(len(report.rejections))
    assert (report.rejected, max(held) < 2 * LISTED, report.listed()) == (
        50_000, True, [(number, "field: wrong") for number in range(1, LISTED + 1)])
