"""Medians, nearest-rank percentiles and rates, exactly as the figures' definitions state them,
and the shape every figure's rows take."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from fractions import Fraction
from typing import Any

from projections.calendar import Month

Key = tuple[Month, str | None]
Figures = dict[str, Any]
RATE_PLACES = 4
_EVERY_CELL: ContextVar[bool] = ContextVar("every_cell", default=False)


@contextmanager
def every_cell() -> Iterator[None]:
    """While open, ``assemble`` keeps a provider's row even when all its shown figures are zero
    (the summaries add up cells of a few people, whose hidden counts still matter)."""
    token = _EVERY_CELL.set(True)
    try:
        yield
    finally:
        _EVERY_CELL.reset(token)


def median(values: Sequence[int]) -> int | float | None:
    """The middle value, or the mean of the two middle values; None when there are none."""
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    total = ordered[middle - 1] + ordered[middle]
    return total // 2 if total % 2 == 0 else total / 2


def p90(values: Sequence[int]) -> int | None:
    """The nearest-rank 90th percentile: the value at rank ⌈0.9·n⌉."""
    if not values:
        return None
    rank = (9 * len(values) + 9) // 10
    return sorted(values)[rank - 1]


def histogram(values: Iterable[int]) -> dict[str, int]:
    """How many times each value occurs, keyed by the value as text (as JSON keeps it)."""
    counts: dict[str, int] = {}
    for value in values:
        counts[str(value)] = counts.get(str(value), 0) + 1
    return counts


def counted_median(counts: dict[str, int]) -> int | float | None:
    """``median`` of the values a histogram counts, without listing them (one step per value)."""
    ordered, n = _ordered(counts)
    if not n:
        return None
    if n % 2:
        return _at(ordered, n // 2)
    total = _at(ordered, n // 2 - 1) + _at(ordered, n // 2)
    return total // 2 if total % 2 == 0 else total / 2


def counted_p90(counts: dict[str, int]) -> int | None:
    """``p90`` of the values a histogram counts, without listing them."""
    ordered, n = _ordered(counts)
    return _at(ordered, (9 * n + 9) // 10 - 1) if n else None


def counted(counts: dict[str, int]) -> int:
    """How many values a histogram counts (``len(values_of(counts))``)."""
    return sum(n for n in counts.values() if n > 0)


def _ordered(counts: dict[str, int]) -> tuple[list[tuple[int, int]], int]:
    ordered = sorted((int(value), n) for value, n in counts.items() if n > 0)
    return ordered, sum(n for _, n in ordered)


def _at(ordered: list[tuple[int, int]], index: int) -> int:
    """The value at ``index`` (from 0) of the sorted values the pairs (value, how many) count."""
    for value, n in ordered:
        if index < n:
            return value
        index -= n
    raise IndexError(index)


def values_of(counts: dict[str, int]) -> list[int]:
    """The values a histogram counts, each as many times as it occurs."""
    return [int(value) for value, n in counts.items() for _ in range(n)]


def rate(numerator: Fraction | int, denominator: Fraction | int) -> float | None:
    """``numerator ÷ denominator`` exactly, rounded half-even to 4 places; None over zero."""
    if not denominator:
        return None
    return float(round(Fraction(numerator) / Fraction(denominator), RATE_PLACES))


def assemble(figures: dict[Key, Figures], months: Iterable[Month],
             provider: str | None) -> list[Figures]:
    """Rows oldest month first: each provider's rows (by code), then the borough-wide row.

    With ``provider``, only that provider's rows. A provider has a row in a month when any of
    its figures is non-zero; the borough-wide row is always there.
    """
    rows: list[Figures] = []
    by_month: dict[Month, list[str]] = {}
    for m, p in figures:
        if p is not None:
            by_month.setdefault(m, []).append(p)
    for month in months:
        providers = sorted(by_month.get(month, ()))
        chosen: list[str | None] = [provider] if provider is not None else [*providers, None]
        for key in chosen:
            values = figures.get((month, key))
            hidden = key is not None and not _any_figure(values or {}) and not _EVERY_CELL.get()
            if values is None or hidden:
                continue
            rows.append({"month": month.label, "provider_id": key, **values})
    return rows


def _any_figure(values: Figures) -> bool:
    return any(v for k, v in values.items() if not k.startswith("_"))
