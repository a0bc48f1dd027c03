"""Team capacity: first-appointment slots per working day, booking, patience and attendance."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TeamParameters:
    """How one team works through its waiting list for first appointments.

    `slots_per_day` is at the reference scale (the default borough) and grows with the borough.
    A referral is triaged, joins the list, is offered the next free slot some working days ahead,
    and may give up waiting (mean `patience_days`, None for never). Missed first appointments
    grow with the wait: `dna_rate` plus `dna_per_week_waited` for every week on the list.
    At the start, the list already holds `opening_backlog_days` working days of slots. A first
    appointment takes `shared_story_slot` slots when the person's story came with the referral.
    """

    slots_per_day: float
    triage_days: tuple[int, int] = (1, 3)
    booking_lead_days: tuple[int, int] = (1, 4)
    patience_days: float | None = None
    dna_rate: float = 0.1
    dna_per_week_waited: float = 0.0
    opening_backlog_days: int = 0
    session_minutes: int = 50
    shared_story_slot: float = 1.0


def default_teams() -> dict[str, TeamParameters]:
    """Default team capacities: secondary teams run short before the switch, the Hub does not."""
    team = TeamParameters
    return {
        "hub": team(14.0, (0, 1), (0, 2), dna_rate=0.08, session_minutes=45),
        "cmht-1": team(6.0, (1, 3), (1, 3), 75.0, 0.1, 0.035, 15, 60, 0.5),
        "psychosis-1": team(1.05, (1, 2), (1, 3), 75.0, 0.1, 0.035, 15, 60, 0.5),
        "home-tx": team(3.0, (0, 0), (0, 1), dna_rate=0.05, session_minutes=60),
        "housing-1": team(5.0, (1, 3), (1, 5), dna_rate=0.15),
        "debt-1": team(3.5, (1, 3), (1, 5), dna_rate=0.15),
        "benefits-1": team(4.0, (1, 3), (1, 5), dna_rate=0.12),
        "employment-1": team(3.2, (1, 3), (1, 5), dna_rate=0.15),
        "peer-1": team(4.6, (0, 2), (1, 5), dna_rate=0.2, session_minutes=90),
    }
