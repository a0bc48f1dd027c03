"""The story as the API shows it: every entry with its version, times, author and retraction."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from pydantic import BaseModel

from ledger.errors import UnknownPerson
from ledger.facts import Entry
from ledger.story import PersonStory


class StoryEvent(BaseModel):
    """One event of a story as read."""

    version: int
    type: str
    occurred_at: datetime
    recorded_at: datetime
    provider_id: str
    staff_id: str
    data: dict[str, Any]
    retracted: bool


class StoryAnswer(BaseModel):
    """A person's story: its version and its events, oldest first."""

    person_id: UUID
    version: int
    events: list[StoryEvent]


def story_answer(story: PersonStory, as_of: datetime | None, version: int | None) -> StoryAnswer:
    """The story as recorded by ``as_of`` and up to ``version`` (both optional)."""
    entries = [e for e in story.entries if _within(e, as_of, version)]
    if not entries:
        raise UnknownPerson("person_id: no story as recorded then", "person_id")
    if version is not None and entries[-1].version != version:
        raise UnknownPerson(f"person_id: the story has no version {version}", "person_id")
    retracted = {e.data["version"] for e in entries if e.type == "EventRetracted"}
    events = [
        StoryEvent(version=e.version, type=e.type, occurred_at=e.occurred_at,
                   recorded_at=e.recorded_at, provider_id=e.provider_id, staff_id=e.staff_id,
                   data=e.data, retracted=e.version in retracted)
        for e in entries
    ]
    latest = story.version if as_of is None and version is None else entries[-1].version
    return StoryAnswer(person_id=story.id, version=latest, events=events)


def _within(entry: Entry, as_of: datetime | None, version: int | None) -> bool:
    if as_of is not None and entry.recorded_at > as_of:
        return False
    return version is None or entry.version <= version
