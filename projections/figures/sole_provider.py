"""Borough cells that rest on one provider alone, drawn as that provider's cell.

Where every other provider's exact value of a figure in a month is zero (or its row absent) and
the borough's exact value is that provider's, the two rows hold one value. Drawn with two keys,
they would round it twice and a reader of both would narrow it; drawn with the provider's key,
the borough answers exactly what the provider's row already answers. Every other borough cell
keeps its own key. The choice rests only on the month's exact rows (always computed for every
provider), so the borough's answer is the same whatever else was asked.

- a count (shown or hidden) rests on the provider that alone has a non-zero value of it;
- a median or percentile rests on the provider its basis count rests on, when it is that
  provider's value too (so it is shown or hidden with that provider's);
- money rests on the provider that alone has a non-zero amount, when its people count rests
  there too; it is hidden whenever the provider's is (complementary suppression included).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from projections.figures.disclosure import Policy
from projections.figures.statistics import Figures

Owners = Mapping[str, str]


def value_of(row: Figures, name: str) -> object:
    """A figure of an exact row, shown or hidden (``_counts``); None when the row lacks it."""
    return row[name] if name in row else row.get("_counts", {}).get(name)


def owners_by_month(computed: list[Figures], policy: Policy) -> dict[str, dict[str, str]]:
    """For each month, the borough's figures drawn as a provider's cell: figure → provider."""
    months: dict[str, list[Figures]] = {}
    for row in computed:
        months.setdefault(row["month"], []).append(row)
    answer: dict[str, dict[str, str]] = {}
    for month, rows in months.items():
        borough = next((row for row in rows if row["provider_id"] is None), None)
        if borough is not None:
            answer[month] = owners(borough, [row for row in rows if row is not borough], policy)
    return answer


def owners(borough: Figures, providers: list[Figures], policy: Policy) -> dict[str, str]:
    """The borough's figures resting on one provider alone, each with that provider."""
    chosen: dict[str, str] = {}
    for name in dict.fromkeys([*borough.get("_counts", {}), *policy.counts]):
        _rest(chosen, name, borough, providers, None)
    for name, basis in policy.basis.items():
        owner = chosen.get(basis)
        row = next((r for r in providers if r["provider_id"] == owner), None)
        if row is not None and borough[name] is not None and _same(row, borough, name):
            chosen[name] = row["provider_id"]
    for name, people in policy.money.items():
        _rest(chosen, name, borough, providers, people)
    return chosen


def _rest(chosen: dict[str, str], name: str, borough: Figures, providers: list[Figures],
          with_figure: str | None) -> None:
    contributors = [row for row in providers if _non_zero(value_of(row, name))]
    if len(contributors) != 1 or not _same(contributors[0], borough, name):
        return
    owner = contributors[0]["provider_id"]
    if with_figure is None or chosen.get(with_figure) == owner:
        chosen[name] = owner


def _same(row: Figures, borough: Figures, name: str) -> bool:
    """The same exact value, as the draw reads it (its text)."""
    return str(value_of(row, name)) == str(value_of(borough, name))


def _non_zero(value: object) -> bool:
    return value is not None and Decimal(str(value)) != 0


def hide_with_owner(table: list[Figures], owners_of: Mapping[str, Owners], money: str,
                    followers: list[str]) -> None:
    """Hide a borough's money drawn as a provider's wherever that provider's is hidden."""
    shown = {(row["month"], row["provider_id"]): row for row in table}
    for row in table:
        owner = owners_of.get(row["month"], {}).get(money)
        mate = shown.get((row["month"], owner))
        if row["provider_id"] is None and owner and mate is not None and mate[money] is None:
            for name in (money, *followers):
                row[name] = None
            row["suppressed_fields"] = sorted({*row["suppressed_fields"], money, *followers})
