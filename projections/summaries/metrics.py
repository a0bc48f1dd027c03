"""Which metrics are summarised, the parts each keeps per cell, and how a cell is finished.

A metric that is not here (a new one, say) has no summaries: ``GET /outcomes`` computes it on
demand, as before. Each metric's cell is finished by the metric's own ``figures_of``, so the
figures from summaries are computed by the same code as those computed on demand.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from projections.figures import caseload, cost, handoffs, people_supported, referrals, rehab_moves
from projections.figures import told_once as told
from projections.figures import waiting_times as waits
from projections.figures.statistics import Figures
from projections.summaries.parts import Parts, cleaned, money

DIRECTORY_METRICS = ("referrals", "cost")  # depend on the directory (tiers, unit costs)
READ_METRICS = ("handoffs", "told-once")  # depend on the access log's story reads


@dataclass(frozen=True)
class Context:
    """What finishing a cell needs beyond its parts: any story read at all; baseline means."""

    reads: bool = False
    means: dict[str | None, Fraction] | None = field(default=None)


@dataclass(frozen=True)
class Summary:
    """A metric's parts, taken from a computed row, and its row finished from summed parts."""

    rows: Callable[..., list[Figures]]
    parts: Callable[[Figures], Parts]
    finish: Callable[[Parts, str | None, Context], Figures]


def _n(parts: Parts, *names: str) -> list[int]:
    return [int(parts.get(name, 0)) for name in names]


def _counted(*names: str) -> Callable[[Figures], Parts]:
    return lambda row: {name: {**row, **row.get("_counts", {})}[name] for name in names}


def _referral(parts: Parts, provider: str | None, context: Context) -> Figures:
    mean = None if context.means is None else context.means.get(provider, Fraction(0))
    received, accepted, declined, avoidable = _n(parts, "referrals", "accepted", "declined",
                                                 "avoidable")
    return referrals.figures_of(received, accepted, declined, avoidable, mean)


def _rehab(parts: Parts, _provider: str | None, _context: Context) -> Figures:
    moves, inpatients, readmissions = _n(parts, "moves", "rehab_inpatients", "readmissions_90d")
    return rehab_moves.figures_of(moves, inpatients, parts.get("stay_days", {}), readmissions)


SUMMARIES: dict[str, Summary] = {
    "people-supported": Summary(people_supported.people_supported, _counted("people"),
                                lambda p, _k, _c: {"people": _n(p, "people")[0]}),
    "caseload": Summary(caseload.caseload, _counted("count"), lambda p, _k, _c: {"count": _n(p, "count")[0]}),
    "waiting-times": Summary(
        waits.waiting_times,
        lambda row: dict(row["_parts"]),
        lambda p, _k, _c: waits.figures_of(p.get("seen_days", {}), p.get("waiting_days", {}))),
    "referrals": Summary(referrals.referrals,
                         _counted("referrals", "accepted", "declined", "avoidable"), _referral),
    "cost": Summary(
        cost.cost,
        lambda row: {"people": row["people"], "total_gbp": money(Decimal(row["_parts"]["total_gbp"]))},
        lambda p, _k, _c: cost.figures_of(Decimal(p.get("total_gbp", "0")), _n(p, "people")[0])),
    "rehab-moves": Summary(
        rehab_moves.rehab_moves,
        lambda row: {**_counted("moves", "rehab_inpatients", "readmissions_90d")(row),
                     "stay_days": row["_parts"]["stay_days"]},
        _rehab),
    "handoffs": Summary(handoffs.handoffs, _counted(*handoffs.PARTS),
                        lambda p, _k, c: handoffs.figures_of(dict(p), c.reads)),
    "told-once": Summary(told.told_once, _counted(*told.COUNTS),
                         lambda p, _k, c: told.figures_of(p, c.reads)),
}


def parts_of(metric: str, row: Figures) -> Parts:
    """A computed row's parts, zeros left out."""
    return cleaned(SUMMARIES[metric].parts(row))

