"""A small simulated borough for the replay tests, and late corrections recorded after a cut-off."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from commands import Ledger
from commands.bulk_import import BulkImport
from ledger.errors import LedgerError
from projections.calendar import Month
from projections.facts.runner import FiguresRunner
from projections.facts.schema import FiguresView
from projections.figures.outcomes import METRICS, Question, outcomes
from simulation import simulate
from tests.figures.scribe import Scribe


@dataclass
class Published:
    """A borough's ledger and live figures, the cut-off, and every figure as published then."""

    env: dict[str, str]
    ledger: Ledger
    runner: FiguresRunner
    cut_off: datetime
    figures: dict[str, Any]


FIRST, LAST = Month(2025, 1), Month(2025, 6)
CONTACTS = ("SELECT person_id, version, provider_id FROM {} WHERE attendance = 'attended'"
            " AND channel = 'face_to_face' ORDER BY person_id, version LIMIT 40")


def import_borough(ledger: Ledger) -> int:
    """400 people over six months of 2025, imported in batches; answers the events appended."""
    lines = enumerate((line.encode() for line in simulate(people=400, months=6, seed=3,
                                                          start="2025-01")), 1)
    report = BulkImport(ledger).run(lines, lambda n: None)
    assert not report.rejections, report.rejections[:3]
    return report.appended


def all_figures(view: FiguresView, as_of: datetime | None = None) -> dict[str, Any]:
    """Every metric's exact rows over the borough's months."""
    return {metric: outcomes(view, Question(metric, FIRST, LAST, as_of=as_of), is_exact=True)["rows"]
            for metric in METRICS}


def attended_contacts(view: FiguresView) -> list[tuple[UUID, int, str]]:
    """Some attended face-to-face contacts: (person, version, provider)."""
    with view.datastore.transaction(commit=False) as curs:
        curs.execute(CONTACTS.format(view.table("contacts").as_string(curs)))
        return [(row["person_id"], row["version"], row["provider_id"]) for row in curs.fetchall()]


def correct_after_cut_off(ledger: Ledger, view: FiguresView) -> datetime:
    """Record the cut-off instant, then late contacts (dated March) and retractions after it."""
    cut_off = datetime.now(UTC)
    scribe, retracted = Scribe(ledger), 0
    for n, (person_id, version, provider_id) in enumerate(attended_contacts(view)):
        scribe.contact(person_id, provider_id, "2025-03-10T10:00", f"late-{n}")
        try:
            scribe.retract(person_id, version, provider_id, "2025-06-20T10:00")
            retracted += 1
        except LedgerError:
            continue  # a later event rests on this contact; the late entry still counts
    assert retracted > 0
    return cut_off
