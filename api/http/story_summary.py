"""A story's summary: who, their key worker, current plan, open referrals, ward stay, timeline.

Built from the entries the caller may see (after consent), so a Network provider kept to its own
entries gets a summary of those alone; retracted entries count in no part of it but the
timeline, where they stay, marked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from api.http.story_timeline import timeline
from api.http.story_waits import open_referrals
from api.http.story_words import LONDON, word
from api.http.summary_answer import Goal, KeyWorker, Person, Plan, SummaryAnswer, WardStay
from ledger.facts import Entry
from ledger.story import PersonStory

DETAILS = ("given_name", "family_name", "nhs_number", "birth_date", "postcode")


def person_of(live: Sequence[Entry]) -> Person:
    """The registration's details with every later update applied."""
    details: dict[str, str | None] = dict.fromkeys(DETAILS)
    for entry in live:
        if entry.type in ("PersonRegistered", "DetailsUpdated"):
            details.update({k: v for k, v in entry.data.items() if k in DETAILS})
    return Person.model_validate(details)


def key_worker_of(live: Sequence[Entry], names: Callable[[str], str]) -> KeyWorker | None:
    """The key worker now: the last assignment not ended since."""
    current: KeyWorker | None = None
    for entry in live:
        if entry.type == "KeyWorkerAssigned":
            current = KeyWorker(staff_id=entry.data["key_worker_staff_id"],
                                provider_id=entry.provider_id,
                                provider_name=names(entry.provider_id), since=entry.occurred_at)
        elif entry.type == "KeyWorkerEnded":
            current = None
    return current


def plan_of(live: Sequence[Entry], names: Callable[[str], str]) -> Plan | None:
    """The newest agreed plan, each goal with the status its latest review gave it."""
    agreed = [e for e in live if e.type == "PlanAgreed"]
    if not agreed:
        return None
    plan = max(agreed, key=lambda e: (e.occurred_at, e.version))
    reviews = sorted((e for e in live if e.type == "PlanReviewed"
                      and e.data["plan_id"] == plan.data["plan_id"]),
                     key=lambda e: (e.occurred_at, e.version))
    status = {p["goal_id"]: p["status"] for review in reviews for p in review.data["progress"]}
    goals = [Goal(goal_id=g["goal_id"], domain=g["domain"], domain_words=word(g["domain"]),
                  description=g.get("description"),
                  status=status.get(g["goal_id"], "not_started"),
                  status_words=word(status.get(g["goal_id"], "not_started")))
             for g in plan.data["goals"]]
    return Plan(plan_id=plan.data["plan_id"], agreed_at=plan.occurred_at,
                provider_name=names(plan.provider_id), strengths=plan.data.get("strengths"),
                goals=goals, reviewed_at=reviews[-1].occurred_at if reviews else None)


def ward_stay_of(live: Sequence[Entry], names: Callable[[str], str], on: date) -> WardStay | None:
    """The open stay on a ward, if any."""
    stay: Entry | None = None
    for entry in live:
        if entry.type == "AdmittedToWard":
            stay = entry
        elif entry.type == "DischargedFromWard":
            stay = None
    if stay is None:
        return None
    admitted = stay.occurred_at.astimezone(LONDON).date()
    return WardStay(stay_id=stay.data["stay_id"], ward_type=stay.data["ward_type"],
                    ward_words=word(stay.data["ward_type"]), out_of_area=stay.data["out_of_area"],
                    admitted_at=stay.occurred_at, provider_name=names(stay.provider_id),
                    days=(on - admitted).days)


def summary(story: PersonStory, names: Callable[[str], str], on: date) -> SummaryAnswer:
    """The summary of the story as the caller sees it (recent reads are added by the route)."""
    entries = story.entries
    retracted = {e.data["version"] for e in entries if e.type == "EventRetracted"}
    live = [e for e in entries if e.version not in retracted and e.type != "EventRetracted"]
    return SummaryAnswer(
        person_id=story.id, version=story.version, on=on, person=person_of(live),
        key_worker=key_worker_of(live, names), plan=plan_of(live, names),
        open_referrals=open_referrals(live, names, on), ward_stay=ward_stay_of(live, names, on),
        timeline=timeline(entries, names), recent_reads=None)
