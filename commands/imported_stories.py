"""The stories an import touched lately, kept between its batches, with nothing to identify anyone."""

from __future__ import annotations

import gc
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from uuid import UUID

from commands.recent_stories import withhold
from ledger.story import PersonStory

__all__ = ["DEFAULT_MOST_BYTES", "StoryCache", "fewer_collections", "story_bytes"]

ALLOCATIONS_BETWEEN_COLLECTIONS = 50_000  # Python's default: 700
BYTES_PER_STORY = 900
"""A kept story's own cost (its aggregate, facts, id and place in the cache), measured."""
BYTES_PER_ENTRY = 800
"""Each of its entries' (the entry, its data withheld, what it adds to the facts), measured."""
DEFAULT_MOST_BYTES = 64_000_000
"""About 70,000 entries: in process at 300,000 lines the importer's CPU was 32 s, as with 95 MB
(the old 100,000 entries), against 36-41 s with 40 MB (docs/scale.md)."""


def story_bytes(entries: int) -> int:
    """The estimated memory of a kept story of so many entries."""
    return BYTES_PER_STORY + BYTES_PER_ENTRY * entries


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the cyclic garbage collector's youngest generation every 50,000 allocations instead of
    700 while an import runs: each batch allocates millions of short-lived objects (freed by
    reference counting, not by the collector), and with a cache of stories alive every pass
    promoted to and scanning older generations took about a third of the importer's time. The
    thresholds are restored after."""
    previous = gc.get_threshold()
    gc.set_threshold(ALLOCATIONS_BETWEEN_COLLECTIONS, *previous[1:])
    try:
        yield
    finally:
        gc.set_threshold(*previous)


class StoryCache:
    """Recently imported stories kept in memory (least recently used leave first), each with its
    sealed fields withheld (``commands.recent_stories.withhold``): no name or free text is kept.

    The cache is bounded by an estimate of the bytes its stories hold (``story_bytes``: so much
    per person, so much per entry), not by a count of entries alone: a file's later lines bring
    fewer people with longer stories, or many people with short ones, and either way the kept
    stories' estimate never exceeds ``most_bytes``, however long the file."""

    def __init__(self, most_bytes: int) -> None:
        self.most_bytes = most_bytes
        self.held_bytes = 0  # the kept stories' estimate, together
        self.stories: OrderedDict[UUID, tuple[PersonStory, int]] = OrderedDict()
        self.recent_claims: dict[UUID, UUID] = {}
        self.in_flight: dict[UUID, PersonStory] = {}  # the stories of the batch being written

    def get(self, person_id: UUID) -> PersonStory | None:
        """The kept story; else the one the batch being written left (not yet in the log, so
        never to be read from it, even when too many to keep)."""
        kept = self.stories.get(person_id)
        if kept is None:
            return self.in_flight.get(person_id)
        self.stories.move_to_end(person_id)
        return kept[0]

    def holds(self, person_id: UUID) -> bool:
        """Whether ``get`` answers the person's story."""
        return person_id in self.stories or person_id in self.in_flight

    def keep(self, story: PersonStory) -> None:
        """Keep the story (its new entries withheld), the least recently used leaving until the
        estimate fits; a story bigger than the whole cache is not kept."""
        kept = self.stories.pop(story.id, None)
        self.held_bytes -= story_bytes(kept[1]) if kept is not None else 0
        withhold(story, kept[1] if kept is not None and kept[0] is story else 0)
        entries = len(story.entries)
        if story_bytes(entries) > self.most_bytes:
            return
        self.stories[story.id] = (story, entries)
        self.held_bytes += story_bytes(entries)
        while self.held_bytes > self.most_bytes:
            self.held_bytes -= story_bytes(self.stories.popitem(last=False)[1][1])

    def forget(self, person_id: UUID) -> None:
        kept = self.stories.pop(person_id, None)
        self.held_bytes -= story_bytes(kept[1]) if kept is not None else 0

    def clear(self) -> None:
        self.held_bytes = 0
        self.stories.clear()
        self.recent_claims.clear()
        self.in_flight.clear()
