"""Building summary cells whole in PostgreSQL (``sql_journeys``, ``sql_contacts``): the cells
equal ``cells.computed``'s, without the figures' Python over every fact. A metric with no
statement (rehab moves: few facts) answers None and is computed by its own code."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ledger.vocabulary import SECONDARY_TIER
from projections.calendar import Month
from projections.figures.fact_reader import LiveFacts
from projections.summaries.cells import BOROUGH, Place
from projections.summaries.parts import Parts, cleaned, money
from projections.summaries.sql_contacts import COST, PEOPLE_SUPPORTED
from projections.summaries.sql_journeys import JOURNEY_METRICS
from projections.summaries.sql_journeys import METRICS as JOURNEY_METRIC_NAMES

STATEMENTS = {"people-supported": PEOPLE_SUPPORTED, "cost": COST,
              **{metric: JOURNEY_METRICS for metric in JOURNEY_METRIC_NAMES}}
TABLES = ("referrals", "decisions", "contacts", "assessments", "key_workers", "ward_events")
RECORDED = ("story_reads", "providers")


def built(metric: str, facts: LiveFacts, months: list[Month]) -> dict[Place, Parts] | None:
    """Each cell's parts in the months (consecutive, oldest first), or None when the metric has
    no statement. The journey metrics share one statement (a ``CursorFacts`` runs it once)."""
    if metric not in STATEMENTS:
        return None
    if not months:
        return {}
    params = {"first": months[0].first, "last": months[-1].last,
              "last_month": months[-1].first, "provider": None, "secondary": SECONDARY_TIER}
    tables = {name: facts.live(name) for name in TABLES}
    rows = facts.query(STATEMENTS[metric], params, reads=facts.recorded("story_reads"),
                       providers=facts.recorded("providers"), ward_events=facts.live("ward_events"),
                       **{k: v for k, v in tables.items() if k != "ward_events"})
    return folded(row for row in rows if row["metric"] == metric)


def folded(rows: Any) -> dict[Place, Parts]:
    """Rows (month, provider_id, part, value, n) as cells' parts, zeros and empties left out."""
    found: dict[Place, Parts] = {}
    for row in rows:
        parts = found.setdefault((row["month"], row["provider_id"] or BOROUGH), {})
        if row["n"] is None:
            parts[row["part"]] = money(Decimal(row["value"]))
        elif row["value"] is None:
            parts[row["part"]] = int(row["n"])
        else:
            parts.setdefault(row["part"], {})[row["value"]] = int(row["n"])
    cells = {place: cleaned(parts) for place, parts in found.items()}
    return {place: parts for place, parts in cells.items() if parts}
