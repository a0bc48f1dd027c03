"""A story in memory (no database) for the guard tests."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import uuid4

from builders import registration

from ledger.catalogue import Occurrence
from ledger.story import PersonStory

NOW = datetime(2025, 6, 1, tzinfo=UTC)


def new_story() -> PersonStory:
    """A freshly registered story."""
    return PersonStory.register(uuid4(), registration(), NOW)


def story_with(*occurrences: Occurrence) -> PersonStory:
    """A registered story with ``occurrences`` recorded in order."""
    story = new_story()
    for occurrence in occurrences:
        story.record(occurrence, NOW)
    return story
