"""What a commissioner is shown of a metric: every row of every month controlled on its own, the
same whatever else was asked, then the figures that combine cells derived from controlled cells.

- Rows are always computed for every provider (the ``provider`` asked only filters them), so a
  cell cannot depend on which providers were asked for.
- **Secondary suppression of money**: a provider's cost adds up to the borough's, so when exactly
  one provider's cost in a month is suppressed, the smallest cost shown beside it is suppressed
  too (or the borough's, when there is none); no total minus siblings isolates one provider.
- **Change against a baseline** is (controlled count - m) ÷ m, m the mean of the *controlled*
  counts of the baseline months, and null when any of those is suppressed: two baseline windows
  then differ only by cells anyone can ask for directly.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from projections.calendar import Month
from projections.figures.disclosure import Control, Policy, controlled
from projections.figures.fact_reader import LiveFacts
from projections.figures.statistics import Figures, rate

Rows = Callable[..., list[Figures]]


def published(rows: Rows, policy: Policy, metric: str, facts: LiveFacts, months: list[Month],
              provider: str | None, baseline: list[Month] | None, control: Control) -> list[Figures]:
    """The controlled rows of ``months`` (only ``provider``'s when one is named)."""
    wanted = sorted({*months, *(baseline or [])}) if policy.change else months
    table = [controlled(row, policy, control, metric) for row in rows(facts, wanted)]
    for money in policy.money:
        _secondary(table, money, [f for f, (m, _) in policy.per_person.items() if m == money])
    labels = {month.label for month in months}
    shown = [row for row in table if row["month"] in labels
             and (provider is None or row["provider_id"] == provider)]
    for figure, count in policy.change.items():
        for row in shown:
            _change(row, figure, count, table, baseline)
    return shown


def _secondary(table: list[Figures], money: str, followers: list[str]) -> None:
    """Suppress a second cost in each month where exactly one provider's cost is suppressed."""
    for month in dict.fromkeys(row["month"] for row in table):
        providers = [r for r in table if r["month"] == month and r["provider_id"] is not None]
        borough = [r for r in table if r["month"] == month and r["provider_id"] is None]
        hidden = [r for r in providers if money in r["suppressed_fields"]]
        if len(hidden) != 1 or any(money in r["suppressed_fields"] for r in borough):
            continue
        shown = sorted((r for r in providers if r[money] is not None),
                       key=lambda r: (Fraction(r[money]), r["provider_id"]))
        for row in shown[:1] or borough:
            for name in (money, *followers):
                row[name] = None
            row["suppressed_fields"] = sorted({*row["suppressed_fields"], money, *followers})


def _change(row: Figures, figure: str, count: str, table: list[Figures],
            baseline: list[Month] | None) -> None:
    """Fill a row's change against the baseline from controlled counts (null when any is hidden)."""
    if not baseline:
        return
    by_month = {r["month"]: r for r in table if r["provider_id"] == row["provider_id"]}
    values = [by_month.get(month.label, {}).get(count) for month in baseline]
    if row[count] is None or any(value is None for value in values):
        row["suppressed_fields"] = sorted({*row["suppressed_fields"], figure})
        return
    mean = Fraction(sum(v for v in values if v is not None), len(values))
    row[figure] = rate(row[count] - mean, mean) if mean else None
