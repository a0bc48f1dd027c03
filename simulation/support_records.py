"""Longer-running support as the care records know it: key workers, shared plans, ward stays."""

from __future__ import annotations

import json

from simulation.referral_records import ReferralRecords
from simulation.story import Story

GOALS = {
    "mental_health": "feel more in control of my mood day to day",
    "physical_health": "get my physical health checked and followed up",
    "housing": "live somewhere safe and settled",
    "debt": "bring my debts under a plan I can afford",
    "benefits": "receive the benefits I am entitled to",
    "employment": "find work or training that suits me",
    "isolation": "spend time with people most weeks",
    "substance_use": "cut down drinking or drug use",
    "caring": "get a break from caring",
}


PROGRESS = ("in_progress",) * 5 + ("achieved",) * 3 + ("not_started", "dropped")


class SupportRecords(ReferralRecords):
    """Adds key workers, shared plans and ward stays, keeping each one's guard true."""

    def key_worker_assigned(self, story: Story, provider: str, worker: str) -> None:
        """A key worker takes the person on, replacing any earlier one."""
        self.event("KeyWorkerAssigned", story, provider, worker,
                   f'{{"key_worker_staff_id": "{worker}"}}')
        story.key_worker = worker

    def key_worker_ended(self, story: Story, provider: str, worker: str) -> None:
        """The key worker hands back, if they are still the person's key worker."""
        if story.key_worker != worker:
            return
        self.event("KeyWorkerEnded", story, provider, worker,
                   f'{{"key_worker_staff_id": "{worker}"}}')
        story.key_worker = None

    def plan_agreed(self, story: Story, provider: str, staff: str, strengths: str) -> None:
        """One shared plan with a goal for each need; it supersedes any earlier plan."""
        plan_id = story.next_plan()
        story.goal_ids = [f"{plan_id}-g-{n}" for n in range(1, len(story.needs) + 1)]
        goals = [{"goal_id": goal, "domain": need, "description": GOALS[need]}
                 for goal, need in zip(story.goal_ids, story.needs, strict=True)]
        data = (f'{{"plan_id": "{plan_id}", "goals": {json.dumps(goals)}, '
                f'"strengths": {strengths}}}')
        self.event("PlanAgreed", story, provider, staff, data)
        story.plan_id = plan_id

    def plan_reviewed(self, story: Story, provider: str, staff: str) -> None:
        """Progress on each goal of the current plan, if there is one."""
        if story.plan_id is None:
            return
        progress = [{"goal_id": goal, "status": self._rng.pick(PROGRESS)}
                    for goal in story.goal_ids]
        data = f'{{"plan_id": "{story.plan_id}", "progress": {json.dumps(progress)}}}'
        self.event("PlanReviewed", story, provider, staff, data)

    def moved_home(self, story: Story, provider: str, staff: str, postcode: str) -> None:
        """The person moves: a new postcode in their details."""
        self.event("DetailsUpdated", story, provider, staff, f'{{"postcode": "{postcode}"}}')

    def admitted(self, story: Story, ward: str, staff: str, ward_type: str, out_of_area: bool,
                 at: int | None = None) -> str | None:
        """An admission, unless a stay is already open; returns the stay id."""
        if story.stay_open:
            return None
        stay_id = story.next_stay()
        data = (f'{{"stay_id": "{stay_id}", "ward_type": "{ward_type}", '
                f'"out_of_area": {"true" if out_of_area else "false"}}}')
        self.event("AdmittedToWard", story, ward, staff, data, at)
        story.stay_open = True
        return stay_id

    def discharged(self, story: Story, ward: str, staff: str, stay_id: str, destination: str,
                   support: str | None = None) -> None:
        """The end of the open stay."""
        by = f', "support_provider_id": "{support}"' if support else ""
        data = f'{{"stay_id": "{stay_id}", "destination": "{destination}"{by}}}'
        self.event("DischargedFromWard", story, ward, staff, data)
        story.stay_open = False
