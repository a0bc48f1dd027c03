"""Answering a metric from its summaries: only the cells of the months asked are read, then each
is finished by the metric's own code, so the cost grows with the months and providers asked.

``maintained_rows`` answers None (compute on demand) when the metric has no summaries, when they
are not built yet, or when a month asked lies after the last month summarised.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import Any

from psycopg.sql import SQL

from projections.calendar import Month
from projections.facts.schema import FiguresView
from projections.figures.statistics import Figures, Key, assemble
from projections.summaries import cells
from projections.summaries.metrics import READ_METRICS, SUMMARIES, Context
from projections.summaries.parts import Parts

Rows = Callable[..., list[Figures]]
ANY_READ = "SELECT EXISTS (SELECT 1 FROM {}) AS found"


def maintained_rows(view: FiguresView, metric: str, needed: list[Month]) -> Rows | None:
    """A rows function (as ``METRICS`` has) over the summaries, or None to compute on demand."""
    if metric not in SUMMARIES or not needed:
        return None
    with view.reading() as curs:
        span = cells.span(curs, view)
        if span is None or (span[1] is not None and max(needed).first > span[1]):
            return None
        held = {} if span[0] is None else cells.stored(curs, view, metric, min(needed).first,
                                                        max(needed).first)
        reads = False
        if metric in READ_METRICS:
            curs.execute(SQL(ANY_READ).format(view.table("story_reads")))
            found = curs.fetchone()
            reads = found is not None and bool(found["found"])
    return _rows(metric, {(Month.of(m), p or None): parts for (m, p), parts in held.items()}, reads)


def _rows(metric: str, held: dict[Key, Parts], reads: bool) -> Rows:
    finish = SUMMARIES[metric].finish

    def rows(_facts: Any, months: list[Month], provider: str | None = None,
             baseline: list[Month] | None = None, **_: object) -> list[Figures]:
        context = Context(reads, _means(held, baseline) if baseline else None)
        asked = set(months)
        figures = {key: finish(parts, key[1], context) for key, parts in held.items()
                   if key[0] in asked}
        for month in months:
            figures.setdefault((month, None), finish({}, None, context))
        return assemble(figures, months, provider)

    return rows


def _means(held: dict[Key, Parts], baseline: list[Month]) -> dict[str | None, Fraction]:
    """Each provider's (and the borough's) mean referrals per baseline month."""
    providers = {provider for (_, provider) in held} | {None}
    return {p: Fraction(sum(int(held.get((m, p), {}).get("referrals", 0)) for m in baseline),
                        len(baseline)) for p in providers}
