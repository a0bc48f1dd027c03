"""How an import went: its counts, and the reasons of the first rejected lines, however many.

A file of a million bad lines (a wrong format, say) once kept a million reasons in memory to
print at the end. The report counts every rejected line but keeps the reasons of only the
``LISTED`` lowest-numbered ones (between ``LISTED`` and twice as many held while it runs): the
operator mends the file from the first ones and runs it again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

LISTED = 10_000
"""Rejected lines whose reasons are kept and listed."""


@dataclass
class ImportReport:
    """Events appended, repeats skipped, lines rejected, and the first rejected lines' reasons."""

    appended: int = 0
    repeated: int = 0
    rejected: int = 0
    rejections: list[tuple[int, str]] = field(default_factory=list)  # (line, reason), at most 2 LISTED

    def reject(self, number: int, reason: str) -> None:
        """Count a rejected line, keeping its reason if among the first ``LISTED`` lines."""
        self.rejected += 1
        self.rejections.append((number, reason))
        if len(self.rejections) >= 2 * LISTED:
            self.rejections = sorted(self.rejections)[:LISTED]

    def listed(self) -> list[tuple[int, str]]:
        """The kept reasons of the lowest-numbered rejected lines, in the file's order."""
        return sorted(self.rejections)[:LISTED]
