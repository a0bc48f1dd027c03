"""Compare the figures themselves: every metric, every month the facts cover, live and rebuilt.

Equal fact tables give equal figures (the same queries run over both), so this is a second,
cheap look from the side a commissioner sees: each figure named by metric, month and provider.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from projections.calendar import Month
from projections.facts.schema import FiguresView
from projections.figures.fact_reader import LiveFacts
from projections.figures.outcomes import METRICS, Question, outcomes
from replay.compare import Difference

SPAN = "SELECT min(c.occurred_on) AS first, max(c.occurred_on) AS last FROM ({contacts}) c"


def covered_months(view: FiguresView, as_of: datetime | None) -> tuple[Month, Month] | None:
    """The first and last month with any contact, as known at ``as_of``."""
    facts = LiveFacts(view, as_of)
    row = facts.query(SPAN, contacts=facts.live("contacts"))[0]
    if row["first"] is None:
        return None
    return Month.of(row["first"]), Month.of(row["last"])


def compare_figures(live: FiguresView, rebuilt: FiguresView,
                    as_of: datetime | None = None) -> list[Difference]:
    """Every exact figure that differs between the live view (as of) and the rebuilt one."""
    span = covered_months(live, as_of)
    if span is None:
        return []
    differences: list[Difference] = []
    for metric in METRICS:
        question = Question(metric, *span, as_of=as_of)
        differences.extend(_differing(metric, _rows(live, question), _rows(rebuilt, question)))
    return differences


def _rows(view: FiguresView, question: Question) -> dict[tuple[str, Any], dict[str, Any]]:
    body = outcomes(view, question, is_exact=True)
    return {(row["month"], row.get("provider_id")): row for row in body["rows"]}


def _differing(metric: str, live: dict[tuple[str, Any], dict[str, Any]],
               rebuilt: dict[tuple[str, Any], dict[str, Any]]) -> list[Difference]:
    differences: list[Difference] = []
    for key in sorted(set(live) | set(rebuilt), key=str):
        named = {"month": key[0], "provider_id": key[1]}
        ours, theirs = live.get(key, {}), rebuilt.get(key, {})
        differences.extend(Difference(f"outcomes/{metric}", named, figure, ours.get(figure),
                                      theirs.get(figure))
                           for figure in sorted(set(ours) | set(theirs))
                           if ours.get(figure) != theirs.get(figure))
    return differences
