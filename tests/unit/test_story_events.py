"""The story's event classes: declared as they are stored, with the topics stored events carry."""

from __future__ import annotations

import inspect
from uuid import uuid4

from builders import at, registration

from ledger.story import EVENT_CLASSES, PersonStory


def test_the_registration_is_declared_a_story_event() -> None:
    """``PersonRegistered`` names the story's ``Event`` as a base itself (no library rebasing)."""
    registered = PersonStory.PersonRegistered
    assert PersonStory.Event in registered.__bases__
    assert [c for c in registered.__mro__ if c.__name__ == "PersonRegistered"] == [registered]


def test_a_story_is_constructed_without_parameters_it_would_ignore() -> None:
    """The registration's fields reach the story through ``apply``, not the constructor."""
    assert list(inspect.signature(PersonStory.__init__).parameters) == ["self"]


def test_the_registration_is_the_story_first_entry() -> None:
    """Registering starts the story with the registration as entry 1 (its ``apply`` ran)."""
    story = PersonStory.register(uuid4(), registration(1), at(0))
    assert [(entry.version, entry.type) for entry in story.entries] == [(1, "PersonRegistered")]
    assert story.facts.registered


def test_the_stored_topics_are_unchanged() -> None:
    """Stored events name these topics: renaming a class must never change them."""
    topics = {name: cls.TOPIC for name, cls in EVENT_CLASSES.items()}
    assert PersonStory.PersonRegistered.TOPIC == "ledger.PersonStory.PersonRegistered"
    assert PersonStory.Event.TOPIC == "ledger.PersonStory.Event"
    assert topics == {name: f"ledger.PersonStory.{name}" for name in EVENT_CLASSES}
    assert len(topics) == 20  # catalogue v1, RelationshipClaimed (issue 11), the person's three (issue 15)
