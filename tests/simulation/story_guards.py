"""The ledger's guards on one story, as plain functions over the story appended so far."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from import_shape import NEEDS, Event

RETRACTABLE = {"ContactRecorded", "AssessmentRecorded", "ReferralDeclined"}
STATUSES = {"not_started", "in_progress", "achieved", "dropped"}


@dataclass
class Story:
    """What the ledger knows of one story while appending it."""

    events: list[Event] = field(default_factory=list)
    retracted: set[int] = field(default_factory=set)
    ids: set[tuple[str, str]] = field(default_factory=set)
    referrals: dict[str, list[str]] = field(default_factory=dict)  # id -> [to, state]
    reopened: set[str] = field(default_factory=set)
    stay: tuple[str, datetime] | None = None
    plans: dict[str, set[str]] = field(default_factory=dict)
    key_worker: str | None = None


Guard = Callable[[Event, Story, datetime], list[str]]


def _answer(event: Event, story: Story, when: datetime) -> list[str]:
    """Accepted or declined: only an open referral, only by its receiving provider."""
    referral = story.referrals.get(event["data"]["referral_id"])
    if referral is None or referral[1] != "open" or referral[0] != event["provider_id"]:
        return [f"answer to a referral not open at this provider: {referral}"]
    referral[1] = "accepted" if event["type"] == "ReferralAccepted" else "declined"
    story.reopened.discard(event["data"]["referral_id"])
    return []


def _close(event: Event, story: Story, when: datetime) -> list[str]:
    """Closed: only an accepted open referral, by its receiving provider."""
    referral = story.referrals.get(event["data"]["referral_id"])
    if referral is None or referral[1] != "accepted" or referral[0] != event["provider_id"]:
        return [f"closing a referral not accepted here: {referral}"]
    referral[1] = "closed"
    return []


def _refer(event: Event, story: Story, when: datetime) -> list[str]:
    story.referrals[event["data"]["referral_id"]] = [event["data"]["to_provider_id"], "open"]
    return []


def _contact(event: Event, story: Story, when: datetime) -> list[str]:
    ref = event["data"].get("referral_id")
    return [] if ref is None or ref in story.referrals else [f"contact on unknown referral {ref}"]


def _admit(event: Event, story: Story, when: datetime) -> list[str]:
    problems = ["admitted while a stay is open"] if story.stay else []
    story.stay = (event["data"]["stay_id"], when)
    return problems


def _discharge(event: Event, story: Story, when: datetime) -> list[str]:
    stay, story.stay = story.stay, None
    ok = stay is not None and stay[0] == event["data"]["stay_id"] and when >= stay[1]
    return [] if ok else [f"discharge of {event['data']['stay_id']} but open stay is {stay}"]


def _plan(event: Event, story: Story, when: datetime) -> list[str]:
    """A plan: goals with fresh ids, each in the domain of a need."""
    goals = event["data"]["goals"]
    story.plans[event["data"]["plan_id"]] = {goal["goal_id"] for goal in goals}
    problems = [f"goal {goal}" for goal in goals if set(goal) != {"goal_id", "domain", "description"}
                or goal["domain"] not in NEEDS or ("goal_id", goal["goal_id"]) in story.ids]
    story.ids |= {("goal_id", goal["goal_id"]) for goal in goals}
    return problems


def _review(event: Event, story: Story, when: datetime) -> list[str]:
    """A review of an existing plan's goals, each with a known status."""
    goals = story.plans.get(event["data"]["plan_id"])
    if goals is None:
        return ["review of an unknown plan"]
    return [f"progress {item}" for item in event["data"]["progress"]
            if item["goal_id"] not in goals or item["status"] not in STATUSES]


def _assign(event: Event, story: Story, when: datetime) -> list[str]:
    story.key_worker = event["data"]["key_worker_staff_id"]
    return []


def _end(event: Event, story: Story, when: datetime) -> list[str]:
    worker, story.key_worker = story.key_worker, None
    return [] if worker == event["data"]["key_worker_staff_id"] else ["not the key worker"]


def _retract(event: Event, story: Story, when: datetime) -> list[str]:
    """Only an earlier, unretracted contact, assessment, or a decline that is then accepted."""
    version = event["data"]["version"]
    if not 1 < version <= len(story.events) or version in story.retracted:
        return [f"retracting version {version}"]
    target = story.events[version - 1]
    if target["type"] not in RETRACTABLE:
        return [f"retracting a {target['type']}"]
    story.retracted.add(version)
    if target["type"] == "ReferralDeclined":
        ref = target["data"]["referral_id"]
        story.referrals[ref][1] = "open"
        story.reopened.add(ref)
    return []


GUARDS: dict[str, Guard] = {
    "ReferralMade": _refer, "ReferralAccepted": _answer, "ReferralDeclined": _answer,
    "ReferralClosed": _close, "ContactRecorded": _contact, "AdmittedToWard": _admit,
    "DischargedFromWard": _discharge, "PlanAgreed": _plan, "PlanReviewed": _review,
    "KeyWorkerAssigned": _assign, "KeyWorkerEnded": _end, "EventRetracted": _retract,
}
