"""A summary cell's parts: what its figures are finished from, kept so that cells add up exactly.

Every part is additive over disjoint sets of people: a count (distinct people included, since a
person is in one set only), an exact money total (text, canonical so equal amounts compare
equal), or a histogram of whole days (value as text → how many). Medians and percentiles are
finished from the histograms, so they stay exact.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

Parts = dict[str, Any]


def money(amount: Decimal) -> str:
    """An exact amount as canonical text: ``Decimal("150.00")`` and ``Decimal("150")`` read alike."""
    text = format(amount.normalize(), "f")
    return "0" if Decimal(text) == 0 else text


def combined(ours: Parts, theirs: Parts, sign: int = 1) -> Parts:
    """``ours`` plus (or, with ``sign`` -1, minus) ``theirs``; zero parts are left out."""
    result: Parts = {}
    for name in {*ours, *theirs}:
        mine, other = ours.get(name), theirs.get(name)
        sample = mine if mine is not None else other
        if isinstance(sample, dict):
            merged = _histogram(mine or {}, other or {}, sign)
            if merged:
                result[name] = merged
        elif isinstance(sample, str):
            total = Decimal(mine or 0) + sign * Decimal(other or 0)
            if total:
                result[name] = money(total)
        elif (count := (mine or 0) + sign * (other or 0)) != 0:
            result[name] = count
    return result


def _histogram(ours: dict[str, int], theirs: dict[str, int], sign: int) -> dict[str, int]:
    merged = dict(ours)
    for value, n in theirs.items():
        merged[value] = merged.get(value, 0) + sign * n
    return {value: n for value, n in merged.items() if n}


def cleaned(parts: Parts) -> Parts:
    """The parts with zero counts, empty histograms and zero amounts left out."""
    return combined(parts, {})
