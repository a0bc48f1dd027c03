"""The summaries checked cell by cell: against figures computed on demand from the live facts,
and against the summaries a rebuild from nothing maintained.

The on-demand computation is the definition; the summaries are the fast path. Both are read
under the projector's lock, so no batch lands between reading a cell and computing it.
"""

from __future__ import annotations

from datetime import date

from projections.calendar import Month, months_between
from projections.facts.projector import Projector
from projections.facts.schema import FiguresView
from projections.summaries import cells
from projections.summaries.metrics import SUMMARIES
from projections.summaries.parts import Parts
from projections.summaries.scoped import CursorFacts
from replay.compare import Difference

TABLE = "summaries/{}"
UNBUILT = "not built"


def _months(span: cells.Span | None) -> list[Month]:
    if span is None or span[0] is None or span[1] is None:
        return []
    return months_between(Month.of(span[0]), Month.of(span[1]))


def compare_with_facts(view: FiguresView) -> list[Difference]:
    """Every summary cell part that differs from the figures computed on demand (summary first)."""
    differences: list[Difference] = []
    with view.datastore.transaction(commit=False) as curs:
        curs.execute("SELECT pg_advisory_xact_lock(%s)", (Projector(view).lock_key,))
        curs.execute(cells.PATIENT)
        span = cells.span(curs, view)
        if span is None:
            return [Difference(TABLE.format("*"), {}, None, UNBUILT, "built")]
        whole = CursorFacts(view, curs)
        for metric in SUMMARIES:
            held = cells.stored(curs, view, metric, date.min, date.max)
            differences += differing(metric, held, cells.computed(metric, whole, _months(span)))
    return differences


def compare_rebuilt(live: FiguresView, rebuilt: FiguresView) -> list[Difference]:
    """Every summary cell part that differs between the live view and a rebuild from nothing."""
    differences: list[Difference] = []
    with live.datastore.transaction(commit=False) as ours, \
            rebuilt.datastore.transaction(commit=False) as theirs:
        for metric in SUMMARIES:
            differences += differing(metric, cells.stored(ours, live, metric, date.min, date.max),
                                     cells.stored(theirs, rebuilt, metric, date.min, date.max))
    return differences


def differing(metric: str, held: dict[cells.Place, Parts],
              other: dict[cells.Place, Parts]) -> list[Difference]:
    """The parts of each cell that differ, named by metric, month, provider and part."""
    found: list[Difference] = []
    for month, provider in sorted({*held, *other}):
        ours, theirs = held.get((month, provider), {}), other.get((month, provider), {})
        named = {"month": month.strftime("%Y-%m"), "provider_id": provider or None}
        found.extend(Difference(TABLE.format(metric), named, part, ours.get(part), theirs.get(part))
                     for part in sorted({*ours, *theirs}) if ours.get(part) != theirs.get(part))
    return found
