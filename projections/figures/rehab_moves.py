"""Moves out of rehab: discharges from rehab stays to a home in the community, the rehab wards'
inpatients at month end, the moves' median length of stay and readmissions within 90 days."""

from __future__ import annotations

from collections import defaultdict

from ledger.vocabulary import COMMUNITY_DESTINATIONS, REHAB_WARD
from projections.calendar import Month
from projections.figures.fact_reader import LiveFacts
from projections.figures.statistics import Figures, Key, assemble, counted_median, histogram
from projections.figures.ward_stays import Stay, stays

COUNTS = ("moves", "rehab_inpatients", "readmissions_90d")
BASIS = {"median_length_of_stay_days": "moves"}
READMISSION_DAYS = 90


def _readmitted(move: Stay, every: list[Stay]) -> bool:
    assert move.discharged_at is not None
    assert move.discharged_on is not None
    return any(s.person_id == move.person_id and s.admitted_at > move.discharged_at
               and (s.admitted_on - move.discharged_on).days <= READMISSION_DAYS for s in every)


def rehab_moves(facts: LiveFacts, months: list[Month], provider: str | None = None,
                **_: object) -> list[Figures]:
    """Per month and rehab ward provider (and borough-wide): moves, inpatients, LoS, readmissions."""
    every = stays(facts)
    moves: dict[Key, list[Stay]] = defaultdict(list)
    inpatients: dict[Key, int] = defaultdict(int)
    rehab = [s for s in every if s.ward_type == REHAB_WARD]
    for month in months:
        for stay in rehab:
            keys: tuple[Key, ...] = ((month, stay.provider_id), (month, None))
            if stay.discharged_on in month and stay.destination in COMMUNITY_DESTINATIONS:
                for key in keys:
                    moves[key].append(stay)
            if stay.open_at_end_of(month.last):
                for key in keys:
                    inpatients[key] += 1
    every_key = {*moves, *inpatients, *((m, None) for m in months)}
    return assemble({key: _figures(moves[key], inpatients[key], every) for key in every_key},
                    months, provider)


def _figures(moves: list[Stay], inpatients: int, every: list[Stay]) -> Figures:
    lengths = [(s.discharged_on - s.admitted_on).days for s in moves if s.discharged_on]
    return figures_of(len(moves), inpatients, histogram(lengths),
                      sum(_readmitted(s, every) for s in moves))


def figures_of(moves: int, inpatients: int, lengths: dict[str, int], readmissions: int) -> Figures:
    """A cell's figures from its counts and a histogram of the moves' lengths of stay (days)."""
    return {"moves": moves, "rehab_inpatients": inpatients,
            "median_length_of_stay_days": counted_median(lengths), "readmissions_90d": readmissions,
            "_parts": {"stay_days": lengths}}
