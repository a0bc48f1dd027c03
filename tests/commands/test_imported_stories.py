"""The import's story cache: bounded by the estimated bytes it holds, and holding no name or free text."""

from __future__ import annotations

from uuid import uuid4

from builders import at, contact, nhs_number, registration

from commands.imported_stories import StoryCache, story_bytes
from ledger.story import PersonStory


def story_of(events: int) -> PersonStory:
    """A registered person's story with ``events - 1`` contacts after the registration."""
    story = PersonStory.register(uuid4(), registration(1), at(1))
    for n in range(events - 1):
        story.record(contact(f"c-{n}", summary="Talked about housing"), at(1))
    return story


def test_the_cache_holds_at_most_its_bytes() -> None:
    """Least recently used stories leave until the estimate of the stories held fits."""
    cache = StoryCache(most_bytes=2 * story_bytes(4) + 1)
    stories = [story_of(4) for _ in range(3)]
    for story in stories:
        cache.keep(story)
    assert (cache.held_bytes, list(cache.stories)) == (2 * story_bytes(4),
                                                       [stories[1].id, stories[2].id])


def test_a_kept_story_holds_no_name_or_free_text() -> None:
    """Its sealed fields are withheld as it is kept (its events collected for the log first, as
    an import batch does)."""
    cache = StoryCache(most_bytes=10 * story_bytes(2))
    story = story_of(2)
    story.collect_events()
    cache.keep(story)
    kept = repr(vars(cache.stories[story.id][0]))
    for secret in ("Ada", "Example", nhs_number(1), "housing"):
        assert secret not in kept
