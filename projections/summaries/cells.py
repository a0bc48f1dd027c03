"""Summary cells in the store: computed from facts, read and written on one cursor, and the span
of months they cover (no row: not yet built; a row of nulls: built, with no story facts yet)."""

from __future__ import annotations

from datetime import date
from typing import Any

from psycopg.sql import SQL, Composed
from psycopg.types.json import Jsonb

from projections.calendar import Month
from projections.facts.schema import FiguresView
from projections.figures.fact_reader import LiveFacts
from projections.figures.statistics import every_cell
from projections.summaries.metrics import SUMMARIES, parts_of
from projections.summaries.parts import Parts

Place = tuple[date, str]  # (the month's first day, the provider or '' borough-wide)
Span = tuple[date | None, date | None]
BOROUGH = ""
BUILT = ",".join(sorted(SUMMARIES))  # the metrics a build summarises, as the span records them
# A batch may compute months whole in Python between statements; the library's default of 5 s
# idle in a transaction would end the session (and the batch) meanwhile.
PATIENT = "SET LOCAL idle_in_transaction_session_timeout = '10min'"
# A batch's statements are many and short: PostgreSQL's JIT compiler (on above a cost that a
# lateral probe per person soon passes) spent seconds compiling each one to save milliseconds.
NO_JIT = "SET LOCAL jit = off"


def _sql(view: FiguresView, table: str, template: str) -> Composed:
    return SQL(template).format(view.table(table))


def computed(metric: str, facts: LiveFacts, months: list[Month]) -> dict[Place, Parts]:
    """Each cell's parts in the months, computed from the facts by the metric's own code."""
    if not months:
        return {}
    with every_cell():
        rows = SUMMARIES[metric].rows(facts, months)
    found = {(Month.parse(row["month"]).first, row["provider_id"] or BOROUGH):
             parts_of(metric, row) for row in rows}
    return {place: parts for place, parts in found.items() if parts}


def stored(curs: Any, view: FiguresView, metric: str, first: date, last: date) -> dict[Place, Parts]:
    """The stored cells of a metric in the months from ``first`` to ``last``."""
    curs.execute(_sql(view, "summary_cells", "SELECT month, provider_id, parts FROM {}"
                      " WHERE metric = %s AND month BETWEEN %s AND %s"), (metric, first, last))
    return {(row["month"], row["provider_id"]): row["parts"] for row in curs.fetchall()}


def store(curs: Any, view: FiguresView, metric: str, cells: dict[Place, Parts]) -> None:
    """Write cells (an empty one is deleted)."""
    gone = [(metric, month, provider) for (month, provider), parts in cells.items() if not parts]
    kept = [(metric, month, provider, Jsonb(parts))
            for (month, provider), parts in cells.items() if parts]
    if gone:
        curs.executemany(_sql(view, "summary_cells", "DELETE FROM {} WHERE metric = %s"
                              " AND month = %s AND provider_id = %s"), gone)
    if kept:
        curs.executemany(_sql(view, "summary_cells", "INSERT INTO {} (metric, month, provider_id,"
                              " parts) VALUES (%s, %s, %s, %s) ON CONFLICT (metric, month,"
                              " provider_id) DO UPDATE SET parts = excluded.parts"), kept)


def clear(curs: Any, view: FiguresView, metric: str) -> None:
    """Delete every cell of a metric."""
    curs.execute(_sql(view, "summary_cells", "DELETE FROM {} WHERE metric = %s"), (metric,))


def span(curs: Any, view: FiguresView) -> Span | None:
    """The first and last month summarised (None: the summaries are not built yet, or were built
    for another set of metrics, say before a metric was summarised)."""
    curs.execute(_sql(view, "summary_span", "SELECT first_month, last_month, metrics FROM {}"))
    row = curs.fetchone()
    if row is None or row["metrics"] != BUILT:
        return None
    return row["first_month"], row["last_month"]


def set_span(curs: Any, view: FiguresView, first: date | None, last: date | None) -> None:
    """Record the months summarised, and for which metrics."""
    curs.execute(_sql(view, "summary_span", "INSERT INTO {} (first_month, last_month, metrics)"
                      " VALUES (%s, %s, %s) ON CONFLICT (single) DO UPDATE SET first_month ="
                      " excluded.first_month, last_month = excluded.last_month,"
                      " metrics = excluded.metrics"), (first, last, BUILT))


def forget(curs: Any, view: FiguresView) -> None:
    """Mark the summaries unbuilt: questions compute on demand until they are built again."""
    curs.execute(_sql(view, "summary_span", "DELETE FROM {}"))
