"""Waiting times: days from a referral's date to the date it was seen, for referrals seen in the
month; and those still waiting at month end, counted to the day after month end (MHSDS style)."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

from projections.calendar import Month
from projections.figures.fact_reader import LiveFacts
from projections.figures.journeys import Journey, journeys
from projections.figures.statistics import (
    Figures,
    Key,
    assemble,
    counted,
    counted_median,
    counted_p90,
    histogram,
)

COUNTS = ("seen", "still_waiting")
BASIS = {"median_days": "seen", "p90_days": "seen", "still_waiting_median_days": "still_waiting"}


def _still_waiting(journey: Journey, month: Month) -> bool:
    unseen = journey.seen_on is None or journey.seen_on > month.last
    return journey.open_on(month.last) and unseen


def waiting_times(facts: LiveFacts, months: list[Month], provider: str | None = None,
                  **_: object) -> list[Figures]:
    """Per month and provider: seen, median_days, p90_days, still_waiting and its median."""
    seen: dict[Key, list[int]] = defaultdict(list)
    waiting: dict[Key, list[int]] = defaultdict(list)
    every = journeys(facts, provider)
    for month in months:
        day_after = month.last + timedelta(days=1)
        for j in every:
            keys: tuple[Key, ...] = ((month, j.to_provider_id), (month, None))
            if j.seen_on is not None and j.seen_on in month:
                for key in keys:
                    seen[key].append((j.seen_on - j.received_on).days)
            elif _still_waiting(j, month):
                for key in keys:
                    waiting[key].append((day_after - j.received_on).days)
    every_key = {*seen, *waiting, *((m, None) for m in months)}
    figures = {key: figures_of(histogram(seen[key]), histogram(waiting[key])) for key in every_key}
    return assemble(figures, months, provider)


def figures_of(seen: dict[str, int], waiting: dict[str, int]) -> Figures:
    """A cell's figures from histograms (days → how many) of the waits of those seen and of
    those still waiting: as cheap for a million people as for ten (days are few)."""
    return {"seen": counted(seen), "median_days": counted_median(seen), "p90_days": counted_p90(seen),
            "still_waiting": counted(waiting), "still_waiting_median_days": counted_median(waiting),
            "_parts": {"seen_days": seen, "waiting_days": waiting}}
