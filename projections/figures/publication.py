"""What a commissioner is shown of a metric: every row of every month controlled on its own, the
same whatever else was asked, then the figures that combine cells derived from controlled cells.

- Rows are always computed for every provider (the ``provider`` asked only filters them), so a
  cell cannot depend on which providers were asked for.
- A borough cell resting on **one provider alone** is drawn as that provider's cell
  (``sole_provider``): one value, one draw, the answer that provider's row already gives.
- **Complementary suppression of money** by a protection interval (``protection``): a provider's
  cost adds up to the borough's and is floored by its people times its unit costs, so in each
  month where a cost is hidden, the smallest cost shown whose hiding leaves every hidden cost an
  interval at least as wide as the rule asks is hidden too (the borough's, when none does).
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
from projections.figures.protection import suppress_complements
from projections.figures.sole_provider import hide_with_owner, owners_by_month
from projections.figures.statistics import Figures, rate

Rows = Callable[..., list[Figures]]


def published(rows: Rows, policy: Policy, metric: str, facts: LiveFacts, months: list[Month],
              provider: str | None, baseline: list[Month] | None, control: Control) -> list[Figures]:
    """The controlled rows of ``months`` (only ``provider``'s when one is named)."""
    wanted = sorted({*months, *(baseline or [])}) if policy.change else months
    computed = rows(facts, wanted)
    owners = owners_by_month(computed, policy)
    table = [controlled(row, policy, control, metric,
                        owners.get(row["month"]) if row["provider_id"] is None else None)
             for row in computed]
    least = policy.least_costs(facts, wanted) if policy.least_costs else {}
    for money, people in policy.money.items():
        followers = [f for f, (m, _) in policy.per_person.items() if m == money]
        suppress_complements(computed, table, money, people, followers, least)
        hide_with_owner(table, owners, money, followers)
    labels = {month.label for month in months}
    shown = [row for row in table if row["month"] in labels
             and (provider is None or row["provider_id"] == provider)]
    for figure, count in policy.change.items():
        for row in shown:
            _change(row, figure, count, table, baseline)
    return shown


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
