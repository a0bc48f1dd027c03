"""Disclosure control of one row for commissioners: every count controlled first (suppressed when
small, else randomly rounded to 5 by its cell key), money rounded to £100 by its cell key and
suppressed with its people count, every median and percentile randomly rounded to whole units of
days by its cell key (so two answers a person apart cannot pin that person's days), and every
rate and cost per person computed afresh from the controlled values, so that nothing shown can be
solved back to an exact count."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from projections.figures.cell_key import Cell, draw, randomly_rounded
from projections.figures.statistics import Figures, rate

DEFAULT_THRESHOLD = 5
ROUND_TO = 5
SUPPRESSION_BAND = 2
MONEY_UNIT = Decimal(100)
DAYS_UNIT = 5  # days; a tenth of the value (in fives) when that is more
PENCE = Decimal("0.01")


@dataclass(frozen=True)
class Policy:
    """How a metric's figures are controlled: ``counts`` shown; each median or percentile shown
    only beside its ``basis`` count; each rate (numerator; denominator terms) and each money
    figure (its people count) recomputed from controlled counts; ``change`` against a baseline
    of the named count; ``least_costs`` (facts, months) → the least cost per person of each
    (month, provider), which floors the money in complementary suppression. Counts a rate needs
    but the row does not show travel in ``_counts``."""

    counts: Sequence[str]
    basis: Mapping[str, str] = field(default_factory=dict)
    rates: Mapping[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    money: Mapping[str, str] = field(default_factory=dict)
    per_person: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    change: Mapping[str, str] = field(default_factory=dict)
    least_costs: Callable[..., Mapping[tuple[str, str], Decimal]] | None = None


@dataclass(frozen=True)
class Control:
    """The method's parameters and the deployment's secret that keys every draw."""

    secret: bytes = field(repr=False)
    threshold: int = DEFAULT_THRESHOLD
    band: int = SUPPRESSION_BAND

    def count(self, cell: Cell, value: int) -> int | None:
        """Null below the threshold, and below threshold + 0..band by the cell's draw (so the
        moment a cell first shows does not pin its value); else randomly rounded to 5."""
        extra = int(draw(self.secret, "suppress", cell, value) * (self.band + 1))
        if value < self.threshold + extra:
            return None
        chance = draw(self.secret, "round", cell, value)
        return int(randomly_rounded(Decimal(value), Decimal(ROUND_TO), chance))

    def days(self, cell: Cell, value: float) -> int:
        """A median or percentile of days randomly rounded to 5 days (to a tenth of itself, in
        fives, past 100 days) by the cell's draw: the same value always answers the same."""
        exact_days = Decimal(str(value))
        unit = max(DAYS_UNIT, DAYS_UNIT * int(exact_days / (10 * DAYS_UNIT)))
        chance = draw(self.secret, "round", cell, value)
        return int(randomly_rounded(exact_days, Decimal(unit), chance))

    def money(self, cell: Cell, amount: str) -> Decimal:
        """An amount randomly rounded to ``MONEY_UNIT`` by the cell's draw."""
        chance = draw(self.secret, "round", cell, amount)
        return randomly_rounded(Decimal(amount), MONEY_UNIT, chance)


def exact(row: Figures) -> Figures:
    """A row for an analyst: every figure as computed."""
    shown = {k: v for k, v in row.items() if not k.startswith("_")}
    return {**shown, "suppressed_fields": []}


def controlled(row: Figures, policy: Policy, control: Control, metric: str,
               owners: Mapping[str, str] | None = None) -> Figures:
    """A row for a commissioner: every figure from controlled counts; suppressed ones null.
    A figure ``owners`` names (a borough's resting on one provider) is drawn as that provider's."""
    cell = _Cells(metric, row["month"], row["provider_id"], owners or {})
    values = {**row.get("_counts", {}), **{name: row[name] for name in policy.counts}}
    counts = {name: control.count(cell.named(name), value) for name, value in values.items()}
    shown: dict[str, Any] = exact(row)
    for name in policy.counts:
        shown[name] = counts[name]
    for name, basis in policy.basis.items():
        shown[name] = (control.days(cell.named(name), row[name])
                       if counts[basis] is not None and row[name] is not None else None)
    for name, (numerator, terms) in policy.rates.items():
        parts = [counts[numerator], *(counts[term] for term in terms)]
        fixed = [part for part in parts if part is not None]
        computed = row[name] is not None and len(fixed) == len(parts)
        shown[name] = rate(fixed[0], sum(fixed[1:])) if computed else None
    for name, people in policy.money.items():
        shown[name] = None if counts[people] is None else str(
            control.money(cell.named(name), row[name]).quantize(PENCE))
    for name, (money, people) in policy.per_person.items():
        shown[name] = _per_person(shown[money], counts[people])
    for name in policy.change:
        shown[name] = None
    hidden = [name for name in shown if shown[name] is None and _suppressed(name, row, policy, counts)]
    shown["suppressed_fields"] = sorted(hidden)
    return shown


@dataclass(frozen=True)
class _Cells:
    """The cells of one row, each keyed by its own provider unless ``owners`` names another."""

    metric: str
    month: str
    provider: str | None
    owners: Mapping[str, str]

    def named(self, figure: str) -> Cell:
        return Cell(self.metric, figure, self.month, self.owners.get(figure, self.provider))


def _per_person(money: str | None, people: int | None) -> str | None:
    if money is None or not people:
        return None
    return str((Decimal(money) / people).quantize(PENCE))


def _suppressed(name: str, row: Figures, policy: Policy, counts: dict[str, int | None]) -> bool:
    """Whether a null figure is null by control (not because there is nothing to show)."""
    if name in policy.counts or name in policy.money or name in policy.per_person:
        return True
    if name in policy.basis:
        return counts[policy.basis[name]] is None
    if name in policy.rates:
        numerator, terms = policy.rates[name]
        return any(counts[part] is None for part in (numerator, *terms))
    return False
