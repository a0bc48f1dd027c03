"""The person's own view of their story: withheld entries shown only as withheld, and their
plan, their key worker and the names of the providers in it, so it reads in plain words.

A withheld entry keeps its place (its version and when it was recorded) and nothing else: not
its type, author, date of occurrence, content, whether it was retracted, nor why it is withheld.
The withholding entries themselves, and a retraction of a withheld entry, are not shown.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from pydantic import BaseModel

from api.http.story_view import StoryAnswer, StoryEvent, story_answer
from ledger.facts import Entry
from ledger.payloads_person import SELF
from ledger.story import PersonStory

WITHHELD = "EntryWithheld"
WITHHOLDING = "EntryWithheldFromPerson"


class KeyWorker(BaseModel):
    """Who supports the person now, and since when."""

    staff_id: str
    provider_id: str
    since: datetime


class OwnStoryAnswer(StoryAnswer):
    """The story as the person reads it, with what they need to read it in plain words."""

    withheld: int
    key_worker: KeyWorker | None
    plan: dict[str, Any] | None
    providers: dict[str, str]


def hidden_versions(story: PersonStory) -> set[int]:
    """The versions the person does not see: withheld entries, withholdings, and retractions
    of withheld entries."""
    withheld = story.facts.withheld
    return withheld | {e.version for e in story.entries if e.type == WITHHOLDING or (
        e.type == "EventRetracted" and e.data.get("version") in withheld)}


def visible_story(story: PersonStory) -> PersonStory:
    """A copy of the story without the entries hidden from the person (for the FHIR export)."""
    hidden = hidden_versions(story)
    shown = copy.copy(story)
    shown.entries = [e for e in story.entries if e.version not in hidden]
    return shown


def own_story_answer(story: PersonStory, name_of: Callable[[str], str]) -> OwnStoryAnswer:
    """The person's story now: markers for withheld entries, their plan and key worker."""
    withheld, hidden = story.facts.withheld, hidden_versions(story)
    events: list[StoryEvent] = []
    for event in story_answer(story, None, None).events:
        if event.version in withheld:
            events.append(StoryEvent(version=event.version, type=WITHHELD, occurred_at=event.recorded_at,
                                     recorded_at=event.recorded_at, provider_id="", staff_id="",
                                     data={}, retracted=False))
        elif event.version not in hidden:
            events.append(event)
    live = [e for e in story.entries if e.version not in hidden and e.version not in story.retracted]
    named = {e.provider_id for e in live if e.provider_id != SELF} | {
        e.data[k] for e in live for k in ("to_provider_id", "signposted_to_provider_id",
                                          "support_provider_id") if e.data.get(k)}
    return OwnStoryAnswer(person_id=story.id, version=story.version, events=events,
                          withheld=len(withheld), key_worker=key_worker(live), plan=plan(live),
                          providers={code: name_of(code) for code in sorted(named)})


def key_worker(live: Iterable[Entry]) -> KeyWorker | None:
    """The current key worker among the entries the person sees."""
    current = None
    for entry in live:
        if entry.type == "KeyWorkerAssigned":
            current = KeyWorker(staff_id=entry.data["key_worker_staff_id"],
                                provider_id=entry.provider_id, since=entry.occurred_at)
        elif entry.type == "KeyWorkerEnded":
            current = None
    return current


def plan(live: Iterable[Entry]) -> dict[str, Any] | None:
    """The latest plan the person sees, each goal with its latest reviewed status."""
    found: dict[str, Any] | None = None
    for entry in live:
        if entry.type == "PlanAgreed":
            goals = [{**goal, "status": "not_started"} for goal in entry.data["goals"]]
            found = {"plan_id": entry.data["plan_id"], "provider_id": entry.provider_id,
                     "agreed_at": entry.occurred_at.isoformat(), "goals": goals,
                     "strengths": entry.data.get("strengths")}
        elif entry.type == "PlanReviewed" and found and found["plan_id"] == entry.data["plan_id"]:
            statuses = {p["goal_id"]: p["status"] for p in entry.data["progress"]}
            for goal in found["goals"]:
                goal["status"] = statuses.get(goal["goal_id"], goal["status"])
            found["reviewed_at"] = entry.occurred_at.isoformat()
    return found
