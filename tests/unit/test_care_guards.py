"""Ward stays, plans, key workers, registrations and dates follow the catalogue's rules."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from builders import at, event, registration
from stories_in_memory import NOW, new_story, story_with

from ledger.errors import InvalidEvent
from ledger.event_lines import occurrence_of


def admitted(stay: str = "st-1") -> Any:
    return event("AdmittedToWard", {"stay_id": stay, "ward_type": "rehab", "out_of_area": False},
                 "rehab-ward", at(0))


def discharged(stay: str = "st-1", days: float = 30) -> Any:
    return event("DischargedFromWard", {"stay_id": stay, "destination": "own_home"},
                 "rehab-ward", at(days))


def plan() -> Any:
    goals = [{"goal_id": "g-1", "domain": "housing", "description": "a settled home"}]
    return event("PlanAgreed", {"plan_id": "p-1", "goals": goals, "strengths": ["music"]})


def review(plan_id: str = "p-1", goal: str = "g-1") -> Any:
    progress = [{"goal_id": goal, "status": "in_progress"}]
    return event("PlanReviewed", {"plan_id": plan_id, "progress": progress})


def test_an_open_stay_can_be_discharged() -> None:
    """A discharge ends the open stay."""
    assert story_with(admitted(), discharged()).facts.open_stay is None


def test_a_discharge_without_an_open_stay_is_refused() -> None:
    """Discharges only from open stays."""
    with pytest.raises(InvalidEvent, match="no such open ward stay"):
        story_with().record(discharged(), NOW)


def test_a_discharge_before_its_admission_is_refused() -> None:
    """A stay cannot end before it began."""
    with pytest.raises(InvalidEvent, match="precede"):
        story_with(admitted()).record(discharged(days=-1), NOW)


def test_a_second_admission_while_a_stay_is_open_is_refused() -> None:
    """No other stay may be open."""
    with pytest.raises(InvalidEvent, match="still open"):
        story_with(admitted()).record(admitted("st-2"), NOW)


def test_a_plan_can_be_reviewed() -> None:
    """A review of an agreed plan is accepted."""
    assert story_with(plan(), review()).version == 3


def test_a_review_of_an_unknown_plan_is_refused() -> None:
    """Plan reviews only of an existing plan."""
    with pytest.raises(InvalidEvent, match="no such plan"):
        story_with().record(review(), NOW)


def test_a_review_of_a_goal_outside_the_plan_is_refused() -> None:
    """Progress is reported on the plan's own goals."""
    with pytest.raises(InvalidEvent, match="goal_id"):
        story_with(plan()).record(review(goal="g-9"), NOW)


def test_the_current_key_worker_can_be_ended() -> None:
    """Ending the current key worker leaves none."""
    assign = event("KeyWorkerAssigned", {"key_worker_staff_id": "kw-1"})
    end = event("KeyWorkerEnded", {"key_worker_staff_id": "kw-1"})
    assert story_with(assign, end).facts.key_worker is None


def test_ending_someone_who_is_not_the_key_worker_is_refused() -> None:
    """KeyWorkerEnded names the current key worker."""
    assign = event("KeyWorkerAssigned", {"key_worker_staff_id": "kw-1"})
    with pytest.raises(InvalidEvent, match="current key worker"):
        story_with(assign).record(event("KeyWorkerEnded", {"key_worker_staff_id": "kw-2"}), NOW)


def test_a_second_registration_is_refused() -> None:
    """PersonRegistered is the first event of a story and only the first."""
    with pytest.raises(InvalidEvent, match="already registered"):
        new_story().record(registration(), NOW)


def test_an_event_dated_beyond_five_minutes_ahead_is_refused() -> None:
    """Nothing dated more than five minutes in the future."""
    future = occurrence_of("ConsentRecorded", NOW + timedelta(minutes=6), "hub", "s-1",
                           {"scope": "research", "given": True})
    with pytest.raises(InvalidEvent, match="future") as refusal:
        new_story().record(future, NOW)
    assert refusal.value.field == "occurred_at"


def test_key_work_ends_only_at_the_employing_provider() -> None:
    """Staff ids mean something only with their provider: cmht's kw-1 is not network-1's kw-1."""
    assigned = event("KeyWorkerAssigned", {"key_worker_staff_id": "kw-1"}, "network-1")
    ended_elsewhere = event("KeyWorkerEnded", {"key_worker_staff_id": "kw-1"}, "cmht")
    with pytest.raises(InvalidEvent, match="current key worker") as refusal:
        story_with(assigned).record(ended_elsewhere, NOW)
    assert refusal.value.field == "data.key_worker_staff_id"
