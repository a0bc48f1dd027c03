"""Disclosure control for commissioners: small counts suppressed, others rounded to the nearest 5;
a rate, median or percentile suppressed when its numerator or denominator is small."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from projections.figures.statistics import Figures

DEFAULT_THRESHOLD = 5
ROUND_TO = 5


@dataclass(frozen=True)
class Policy:
    """Which figures of a metric are counts, and which count each median or percentile rests on."""

    counts: Sequence[str]
    basis: Mapping[str, str] = field(default_factory=dict)


def rounded(count: int) -> int:
    """A count rounded to the nearest 5."""
    return int(ROUND_TO * round(count / ROUND_TO))


def exact(row: Figures) -> Figures:
    """A row for an analyst: every figure as computed."""
    shown = {k: v for k, v in row.items() if k != "_basis"}
    return {**shown, "suppressed_fields": []}


def controlled(row: Figures, policy: Policy, threshold: int = DEFAULT_THRESHOLD) -> Figures:
    """A row for a commissioner: figures resting on fewer than ``threshold`` people are null."""
    small = set()
    for name in policy.counts:
        if row[name] is None or row[name] < threshold:
            small.add(name)
    for name, count in policy.basis.items():
        if row[count] is None or row[count] < threshold:
            small.add(name)
    hidden: dict[str, tuple[Any, Any]] = row.get("_basis", {})
    for name, (numerator, denominator) in hidden.items():
        if numerator < threshold or denominator < threshold:
            small.add(name)
    shown = exact(row)
    for name in policy.counts:
        if name not in small:
            shown[name] = rounded(row[name])
    for name in small:
        shown[name] = None
    shown["suppressed_fields"] = sorted(small)
    return shown
