"""Reading the facts as they stand: retracted facts left out, and optionally only those recorded
by an instant (``as_of``), which is what an audit replay of the figures as they stood needs."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from psycopg.sql import SQL, Composable

from projections.facts.schema import FiguresView

LIVE = (
    "SELECT t.* FROM {table} t WHERE t.recorded_at <= %(as_of)s AND NOT EXISTS ("
    "SELECT 1 FROM {retractions} r WHERE r.person_id = t.person_id"
    " AND r.retracted_version = t.version AND r.recorded_at <= %(as_of)s)"
)


class LiveFacts:
    """Runs figure queries over the live facts of one view, as of an instant or now."""

    def __init__(self, view: FiguresView, as_of: datetime | None = None) -> None:
        self.view = view
        self.as_of: datetime | str = as_of if as_of is not None else "infinity"

    def live(self, table: str) -> Composable:
        """A sub-select of the table's facts that are recorded by ``as_of`` and not retracted."""
        return SQL(LIVE).format(table=self.view.table(table),
                                retractions=self.view.table("retractions"))

    def recorded(self, table: str) -> Composable:
        """A sub-select of a table with no retractions (directory, access log), by ``as_of``."""
        return SQL("SELECT t.* FROM {} t WHERE t.recorded_at <= %(as_of)s").format(
            self.view.table(table))

    def query(self, template: str, params: dict[str, Any] | None = None,
              **tables: Composable) -> list[dict[str, Any]]:
        """Run a template whose ``{name}`` slots are filled with the given sub-selects."""
        statement = SQL(template).format(**tables)
        with self.view.reading() as curs:
            curs.execute(statement, {"as_of": self.as_of, **(params or {})})
            return list(curs.fetchall())
