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
        self.answers: dict[tuple[str, str], list[dict[str, Any]]] = {}

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
        """Run a template on the cursor; the same query twice is answered once (the facts do not
        change under one ``CursorFacts``: each phase of a batch makes its own).

        A few people's facts are read through their indexes: right after a bulk import the
        planner's statistics are stale, and it would otherwise scan whole tables per referral.
        """
        values = {"as_of": self.as_of, "people": self.people, **(params or {})}
        statement = SQL(template).format(**tables)
        key = (statement.as_string(self.curs), repr(sorted(values.items())))
        if key not in self.answers:
            if self.people is not None:
                self.curs.execute("SET LOCAL enable_seqscan = off")
            self.curs.execute(statement, values)
            self.answers[key] = list(self.curs.fetchall())
            if self.people is not None:
                self.curs.execute("SET LOCAL enable_seqscan = on")
        return self.answers[key]
