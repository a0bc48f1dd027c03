"""The outcome figures by metric name: rows for the months asked, exact or disclosure-controlled."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from projections.calendar import Month, months_between
from projections.facts.schema import FiguresView
from projections.figures import caseload, cost, handoffs, people_supported, referrals, rehab_moves
from projections.figures import told_once as told
from projections.figures import waiting_times as waits
from projections.figures.disclosure import DEFAULT_THRESHOLD, Control, Policy, exact
from projections.figures.fact_reader import LiveFacts
from projections.figures.provider_costs import least_unit_costs
from projections.figures.publication import published
from projections.figures.statistics import Figures
from projections.summaries.read import maintained_rows


@dataclass(frozen=True)
class Metric:
    """How a metric's rows are computed and which of its figures disclosure control treats how."""

    rows: Callable[..., list[Figures]]
    policy: Policy


METRICS: dict[str, Metric] = {
    "people-supported": Metric(people_supported.people_supported, Policy(people_supported.COUNTS)),
    "caseload": Metric(caseload.caseload, Policy(caseload.COUNTS)),
    "waiting-times": Metric(waits.waiting_times, Policy(waits.COUNTS, waits.BASIS)),
    "referrals": Metric(referrals.referrals, Policy(referrals.COUNTS, rates=referrals.RATES,
                                                    change=referrals.CHANGE)),
    "cost": Metric(cost.cost, Policy(cost.COUNTS, money=cost.MONEY, per_person=cost.PER_PERSON,
                                     least_costs=least_unit_costs)),
    "rehab-moves": Metric(rehab_moves.rehab_moves, Policy(rehab_moves.COUNTS, rehab_moves.BASIS)),
    "handoffs": Metric(handoffs.handoffs, Policy(handoffs.COUNTS, rates=handoffs.RATES)),
    "told-once": Metric(told.told_once, Policy(told.COUNTS, rates=told.RATES)),
}


def known_metric(name: str) -> str:
    """A metric's name if ``METRICS`` has it (the one list the API and the CLI offer)."""
    if name not in METRICS:
        raise ValueError(f"one of {', '.join(METRICS)}")
    return name


@dataclass(frozen=True)
class Question:
    """What the caller asks: a metric over months, perhaps one provider, perhaps a baseline.

    The API and the CLI check the months with ``projections.month_range`` before asking.
    """

    metric: str
    start: Month
    end: Month
    provider: str | None = None
    baseline: tuple[Month, Month] | None = None
    as_of: datetime | None = None


def outcomes(view: FiguresView, question: Question, is_exact: bool,
             threshold: int = DEFAULT_THRESHOLD, secret: bytes | None = None,
             on_demand: bool = False) -> dict[str, Any]:
    """The body of ``GET /outcomes/{metric}`` and ``ledger outcomes``: exact rows, or rows
    controlled under the deployment's disclosure ``secret`` (``cell_key.disclosure_secret``).

    Without ``as_of`` the rows come from the maintained summaries where the metric has them
    (``projections.summaries``); ``as_of``, ``on_demand`` or no summaries compute them from facts.
    """
    metric = METRICS[question.metric]
    baseline = months_between(*question.baseline) if question.baseline else None
    facts = LiveFacts(view, question.as_of)
    months = months_between(question.start, question.end)
    rows = metric.rows
    if question.as_of is None and not on_demand:
        rows = maintained_rows(view, question.metric, [*months, *(baseline or [])]) or rows
    if is_exact:
        computed = rows(facts, months, provider=question.provider, baseline=baseline)
        answer = [exact(row) for row in computed]
    elif secret is None:
        raise ValueError("disclosure control needs the deployment's secret")
    else:
        answer = published(rows, metric.policy, question.metric, facts, months,
                           question.provider, baseline, Control(secret, threshold))
    return {"metric": question.metric, "rows": answer,
            "suppressed": any(row["suppressed_fields"] for row in answer)}
