"""Referrals received per month by each provider (borough-wide: to the secondary tier), what
became of them as known now, and the change against a baseline of months the caller names."""

from __future__ import annotations

from collections import defaultdict
from fractions import Fraction

from ledger.vocabulary import SECONDARY_TIER
from projections.calendar import Month
from projections.figures.fact_reader import LiveFacts
from projections.figures.journeys import Journey, journeys
from projections.figures.provider_costs import provider_tiers
from projections.figures.statistics import Figures, Key, assemble, rate

COUNTS = ("referrals", "accepted", "declined")
RATES = {"acceptance_rate": ("accepted", ("accepted", "declined")),
         "avoidable_share": ("avoidable", ("accepted", "declined"))}
CHANGE = {"change_vs_baseline": "referrals"}


def _avoidable(journey: Journey) -> bool:
    """Declined, or accepted then closed with no attended direct contact at the receiver."""
    return journey.declined or (journey.closed and journey.seen_at is None)


def monthly_referrals(facts: LiveFacts, months: list[Month]) -> dict[Key, list[Journey]]:
    """Journeys received in each month, by receiving provider and borough-wide (secondary)."""
    tiers = provider_tiers(facts)
    received: dict[Key, list[Journey]] = defaultdict(list)
    wanted = set(months)
    for journey in journeys(facts):
        month = Month.of(journey.received_on)
        if month not in wanted:
            continue
        received[(month, journey.to_provider_id)].append(journey)
        if tiers.get(journey.to_provider_id) == SECONDARY_TIER:
            received[(month, None)].append(journey)
    return received


def referrals(facts: LiveFacts, months: list[Month], provider: str | None = None,
              baseline: list[Month] | None = None, **_: object) -> list[Figures]:
    """Per month and provider: referrals, accepted, declined, rates and change vs baseline."""
    received = monthly_referrals(facts, months + (baseline or []))
    means: dict[str | None, Fraction] = {}
    if baseline:
        names = {p for (_, p) in received} | {None}
        means = {p: Fraction(sum(len(received.get((m, p), [])) for m in baseline), len(baseline))
                 for p in names}
    keys = {k for k in received if k[0] in months} | {(m, None) for m in months}
    figures = {key: _figures(received.get(key, []), means.get(key[1]) if baseline else None)
               for key in keys}
    return assemble(figures, months, provider)


def _figures(received: list[Journey], mean: Fraction | None) -> Figures:
    accepted = sum(j.accepted for j in received)
    declined = sum(j.declined for j in received)
    return figures_of(len(received), accepted, declined, sum(_avoidable(j) for j in received), mean)


def figures_of(received: int, accepted: int, declined: int, avoidable: int,
               mean: Fraction | None) -> Figures:
    """A cell's figures from its counts and the baseline's mean (None without a baseline)."""
    change = None if not mean else rate(received - mean, mean)
    return {"referrals": received, "accepted": accepted, "declined": declined,
            "acceptance_rate": rate(accepted, accepted + declined),
            "avoidable_share": rate(avoidable, accepted + declined),
            "change_vs_baseline": change,
            "_counts": {"avoidable": avoidable}}
