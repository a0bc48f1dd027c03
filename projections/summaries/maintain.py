"""Keeping the summaries up to date inside the projector's batch transaction.

Every part of a cell adds up over people, so a batch changes a cell by exactly (the part of the
people it touches, after) minus (their part, before): both are computed by the figures' own code
over those people's facts only, for every month summarised. That reaches every month a late
entry, a retraction or a wait or stay spanning months touches, however far back. Months after
the last one summarised are computed whole when a batch first reaches them (waits and stays
still open run on into them); months before the first are empty, so the people's part is all.
A change to the directory (tiers, unit costs) recomputes the metrics that read it, whole.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from psycopg.sql import SQL

from projections.calendar import Month, months_between
from projections.facts.schema import FiguresView
from projections.summaries import cells
from projections.summaries.batch import STORY_TABLES, Reach
from projections.summaries.built import built
from projections.summaries.metrics import DIRECTORY_METRICS, SUMMARIES
from projections.summaries.parts import Parts, combined
from projections.summaries.scoped import CursorFacts


class Maintenance:
    """One batch's upkeep: ``before`` its facts are written, ``after`` (same cursor)."""

    def __init__(self, view: FiguresView, curs: Any, reach: Reach) -> None:
        self.view, self.curs, self.reach = view, curs, reach
        self.span: cells.Span | None = None
        self.before_parts: dict[str, dict[cells.Place, Parts]] = {}

    def _scoped(self) -> dict[str, CursorFacts]:
        """Each metric's touched people's facts (one reader, so one query, per set of people)."""
        whole = DIRECTORY_METRICS if self.reach.directory else ()
        readers: dict[frozenset[Any], CursorFacts] = {}
        scoped = {}
        for metric in SUMMARIES:
            people = frozenset(self.reach.people_for(metric))
            if metric not in whole and people:
                scoped[metric] = readers.setdefault(people, CursorFacts(self.view, self.curs, people))
        return scoped

    def _months(self) -> list[Month]:
        assert self.span is not None
        assert self.span[0] is not None
        assert self.span[1] is not None
        first = min([self.span[0], *(m[0] for m in [self.reach.months] if m)])
        return months_between(Month.of(first), Month.of(self.span[1]))

    def before(self) -> None:
        """The touched people's parts as the summaries hold them now."""
        self.span = cells.span(self.curs, self.view)
        if self.span is None or self.span[0] is None:
            return
        months = self._months()
        self.before_parts = {metric: cells.computed(metric, facts, months)
                             for metric, facts in self._scoped().items()}

    def after(self) -> None:
        """Add each touched cell's change; compute new months and directory metrics whole."""
        if self.span is None or self.span[0] is None or self.span[1] is None:
            self._build()
            return
        months = self._months()
        for metric, facts in self._scoped().items():
            self._add(metric, self.before_parts.get(metric, {}), cells.computed(metric, facts, months))
        last = max([self.span[1], *(m[1] for m in [self.reach.months] if m)])
        new = months_between(Month.of(self.span[1]).following(), Month.of(last))
        whole = CursorFacts(self.view, self.curs)
        for metric in SUMMARIES:
            if self.reach.directory and metric in DIRECTORY_METRICS:
                cells.clear(self.curs, self.view, metric)
                cells.store(self.curs, self.view, metric, whole_cells(metric, whole, [*months, *new]))
            else:
                cells.store(self.curs, self.view, metric, whole_cells(metric, whole, new))
        cells.set_span(self.curs, self.view, months[0].first, last)

    def _add(self, metric: str, before: dict[cells.Place, Parts],
             after: dict[cells.Place, Parts]) -> None:
        places = {*before, *after}
        if not places:
            return
        first, last = min(p[0] for p in places), max(p[0] for p in places)
        held = cells.stored(self.curs, self.view, metric, first, last)
        changed = {place: combined(combined(held.get(place, {}), after.get(place, {})),
                                   before.get(place, {}), -1) for place in places}
        cells.store(self.curs, self.view, metric,
                    {p: parts for p, parts in changed.items() if parts != held.get(p, {})})

    def _build(self) -> None:
        """Compute every summary whole (the first batch, or summaries never built before)."""
        first, last = story_span(self.curs, self.view)
        whole = CursorFacts(self.view, self.curs)
        months = [] if first is None or last is None else months_between(Month.of(first), Month.of(last))
        for metric in SUMMARIES:
            cells.clear(self.curs, self.view, metric)
            cells.store(self.curs, self.view, metric, whole_cells(metric, whole, months))
        cells.set_span(self.curs, self.view, months[0].first if months else None,
                       months[-1].first if months else None)


def whole_cells(metric: str, whole: CursorFacts, months: list[Month]) -> dict[cells.Place, Parts]:
    """Every cell of a metric in the months, over all facts: built in SQL where it can be
    (``projections.summaries.built``, the same cells), else by the metric's own code."""
    found = built(metric, whole, months)
    return found if found is not None else cells.computed(metric, whole, months)


def story_span(curs: Any, view: FiguresView) -> tuple[date | None, date | None]:
    """The earliest and latest date of any story fact (retracted or not)."""
    one = SQL("SELECT min(occurred_on) AS a, max(occurred_on) AS b FROM {}")
    union = SQL(" UNION ALL ").join(one.format(view.table(t)) for t in STORY_TABLES)
    curs.execute(SQL("SELECT min(a) AS first, max(b) AS last FROM ({}) x").format(union))
    row = curs.fetchone()
    return row["first"], row["last"]
