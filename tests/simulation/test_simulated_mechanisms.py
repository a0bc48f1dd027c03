"""The mechanisms under the figures: queues with capacity, identities, the London calendar."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from simulated_figures import figures

from simulation import BoroughParameters, simulate
from simulation.chance import Chance
from simulation.clock import LondonClock, day_number, working_days_after
from simulation.identities import Identities, check_digit
from simulation.parameters import RecordingParameters
from simulation.parameters.teams import default_teams

BEFORE_ONLY: dict[str, Any] = {"people": 1500, "months": 6, "seed": 3, "switch_month": 6}


def _cmht_wait(params: BoroughParameters) -> float:
    """The community team's median wait from March to May, with no Hub all year."""
    wait = figures(simulate(**BEFORE_ONLY, params=params)).median_wait(
        ["2024-03", "2024-04", "2024-05"], "cmht-1")
    assert wait is not None
    return wait


def test_waits_lengthen_when_the_community_team_has_fewer_slots() -> None:
    """Halve the community team's daily slots and the wait for secondary care grows."""
    teams = default_teams()
    teams["cmht-1"] = dataclasses.replace(teams["cmht-1"], slots_per_day=3.0)
    assert _cmht_wait(BoroughParameters(teams=teams)) > 1.5 * _cmht_wait(BoroughParameters())


def test_without_late_entries_or_mistakes_stories_run_in_time_order() -> None:
    """Late write-ups and retracted duplicates are recording habits, and can be switched off."""
    habits = RecordingParameters(late_entry_rate=0.0, retraction_rate=0.0)
    lines = list(simulate(800, 4, 2, params=BoroughParameters(recording=habits)))
    last: dict[str, str] = {}
    for line in lines:
        event = json.loads(line)
        person = event.get("person_id")
        if person is not None and event["type"] != "EventRetracted":
            assert event["occurred_at"] >= last.get(person, "")
            last[person] = event["occurred_at"]


def test_nhs_check_digit_matches_a_known_number() -> None:
    """The modulus-11 check digit of 943 476 591 is 9; a base whose check would be 10 has none."""
    assert check_digit("943476591") == 9
    assert check_digit("999999900") is None


def test_nhs_numbers_never_repeat() -> None:
    """A hundred thousand NHS numbers are all valid and all different."""
    identities = Identities(Chance(7))
    numbers = [identities.nhs_number() for _ in range(100_000)]
    assert len(set(numbers)) == len(numbers)
    assert all(check_digit(number[:9]) == int(number[9]) for number in numbers)


def test_instants_are_written_in_london_time_with_offset() -> None:
    """Noon UTC is 13:00+01:00 in July and 12:00+00:00 in January."""
    clock = LondonClock()
    assert clock.iso(day_number(2024, 7, 4) * 1440 + 720) == "2024-07-04T13:00:00+01:00"
    assert clock.iso(day_number(2024, 1, 4) * 1440 + 720) == "2024-01-04T12:00:00+00:00"


def test_working_days_skip_the_weekend() -> None:
    """One working day after Friday 5 January 2024 is Monday 8 January."""
    assert working_days_after(day_number(2024, 1, 5), 1) == day_number(2024, 1, 8)
    assert working_days_after(day_number(2024, 1, 6), 0) == day_number(2024, 1, 8)
