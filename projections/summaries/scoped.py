"""The facts as one transaction sees them, for all people or only a few.

The summaries are maintained inside the projector's batch transaction, so their figures must be
computed on that transaction's cursor: before the batch's facts are written, and after. Scoped
to the people a batch touches, the same figure code answers for those people alone.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any
from uuid import UUID

from psycopg.sql import SQL, Composable

from projections.facts.schema import FiguresView
from projections.figures.fact_reader import LiveFacts

PEOPLE = " AND t.person_id = ANY(%(people)s)"
PERSONAL = ("story_reads",)  # tables read through ``recorded`` that belong to a person


class CursorFacts(LiveFacts):
    """Live facts (as known now) read on one open cursor; only ``people``'s when given."""

    def __init__(self, view: FiguresView, curs: Any,
                 people: Collection[UUID] | None = None) -> None:
        super().__init__(view)
        self.curs = curs
        self.people = None if people is None else sorted(people)

    def live(self, table: str) -> Composable:
        """The table's live facts (only the people's, when scoped)."""
        live = super().live(table)
        return live if self.people is None else SQL("{}" + PEOPLE).format(live)

    def recorded(self, table: str) -> Composable:
        """The table's facts; a person's own (story reads) only the people's, when scoped."""
        recorded = super().recorded(table)
        if self.people is None or table not in PERSONAL:
            return recorded
        return SQL("{}" + PEOPLE).format(recorded)

    def query(self, template: str, params: dict[str, Any] | None = None,
              **tables: Composable) -> list[dict[str, Any]]:
        """Run a template on the cursor."""
        self.curs.execute(SQL(template).format(**tables),
                          {"as_of": self.as_of, "people": self.people, **(params or {})})
        return list(self.curs.fetchall())
