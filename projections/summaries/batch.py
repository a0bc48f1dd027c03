"""What one batch of facts reaches: the people whose figures it can change, for which metrics,
the months its story facts are dated in, and whether it changes the provider directory.

A story read can change a journey's figures only when it is by some provider's staff (handoffs
match it to the provider the referral went to, ``projections.figures.journeys``; told-once to the
assessing provider), so every read with a provider reaches its person's read metrics, and a read
without one (an analyst's, the commonest under load) reaches no one's summaries: its fact row is
written, and whether any read exists at all is asked when a figure is answered.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from uuid import UUID

from projections.facts.schema import FiguresView
from projections.summaries.metrics import READ_METRICS

READS = "story_reads"
DIRECTORY = "providers"
# The story facts the summarised figures read (other fact tables, kept for other views, reach none)
STORY_TABLES = ("contacts", "referrals", "decisions", "assessments", "self_assessments",
                "key_workers", "ward_events", "retractions")


@dataclass
class Reach:
    """The people a batch's story facts and story reads are about, its dates, its directory change."""

    people: set[UUID] = field(default_factory=set)
    readers: set[UUID] = field(default_factory=set)
    dates: list[date] = field(default_factory=list)
    directory: bool = False

    def people_for(self, metric: str) -> set[UUID]:
        """The people whose part of a metric the batch can change (a read changes only the
        metrics that read the access log)."""
        return self.people | self.readers if metric in READ_METRICS else self.people

    @property
    def months(self) -> tuple[date, date] | None:
        """The first day of the first and of the last month the story facts are dated in."""
        if not self.dates:
            return None
        return min(self.dates).replace(day=1), max(self.dates).replace(day=1)


def reach_of(view: FiguresView, rows: Mapping[str, Sequence[tuple[Any, ...]]]) -> Reach:
    """The reach of a batch's fact rows, by table."""
    reach = Reach()
    for table, table_rows in rows.items():
        if table == DIRECTORY:
            reach.directory = reach.directory or bool(table_rows)
            continue
        if table not in (READS, *STORY_TABLES):
            continue
        columns = view.column_names(table)
        person = columns.index("person_id")
        if table == READS:  # only a provider's read can make a journey's story read first
            provider = columns.index("provider_id")
            reach.readers.update(row[person] for row in table_rows if row[provider] is not None)
            continue
        dated = columns.index("occurred_on")
        reach.people.update(row[person] for row in table_rows)
        reach.dates.extend(row[dated] for row in table_rows)
    return reach
