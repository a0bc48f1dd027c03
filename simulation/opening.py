"""The borough as the ledger finds it: people already waiting for secondary care, or on rehab."""

from __future__ import annotations

from simulation import secondary_care, wards
from simulation.borough import Borough, Journey
from simulation.clock import MINUTES_PER_DAY
from simulation.parameters import BoroughParameters
from simulation.people import come_forward

SECONDARY_TEAMS = ("cmht-1", "psychosis-1")


def opening_size(params: BoroughParameters) -> float:
    """How many people the opening caseload holds at the reference scale."""
    teams = params.teams
    waiting = sum(teams[t].slots_per_day * teams[t].opening_backlog_days for t in SECONDARY_TEAMS)
    return waiting + params.wards.opening_rehab_inpatients


def opening_caseload(borough: Borough, people: int) -> int:
    """Start everyone (up to `people`) already waiting or on the rehab ward; returns how many."""
    rng, started = borough.rng, 0
    for team in SECONDARY_TEAMS:
        params = borough.params.teams[team]
        waiting = min(people - started,
                      round(params.slots_per_day * borough.scale * params.opening_backlog_days))
        span = params.opening_backlog_days * 7 // 5 * MINUTES_PER_DAY
        for received in sorted(borough.start - rng.between(1, span) for _ in range(waiting)):
            borough.begin(already_waiting(borough, team, received), borough.start)
        started += waiting
    wards_params = borough.params.wards
    inpatients = min(people - started, round(wards_params.opening_rehab_inpatients * borough.scale))
    for _ in range(inpatients):
        admitted = borough.start - rng.between(*wards_params.opening_stay_days) * MINUTES_PER_DAY
        borough.begin(already_on_rehab(borough, admitted), borough.start)
    return started + inpatients


def already_waiting(borough: Borough, team: str, received: int) -> Journey:
    """Someone a GP referred before the start, triaged and on the team's waiting list."""
    practice = borough.rng.pick(borough.practices)
    gp = borough.staff(practice)
    story = come_forward(borough, practice, gp, at=received - MINUTES_PER_DAY * 3)
    ref = borough.records.referral_made(story, practice, gp, team, "routine", "gp", at=received)
    yield from secondary_care.after_triage(borough, story, team, ref, False)


def already_on_rehab(borough: Borough, admitted: int) -> Journey:
    """Someone admitted to the rehab ward before the start."""
    story = come_forward(borough, "rehab-ward", borough.staff("rehab-ward"), "high", admitted)
    yield from wards.rehab_stay(borough, story, admitted)
