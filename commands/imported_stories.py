"""The stories an import touched lately, kept between its batches, with nothing to identify anyone."""

from __future__ import annotations

import gc
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from uuid import UUID

from commands.recent_stories import withhold
from ledger.story import PersonStory

__all__ = ["StoryCache", "fewer_collections"]

ALLOCATIONS_BETWEEN_COLLECTIONS = 50_000  # Python's default: 700


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
    sealed fields withheld (``commands.recent_stories.withhold``): no name or free text is kept,
    and however long the file, the cache holds at most ``size`` entries (about 1 kB each)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.entries = 0  # held by the kept stories, together
        self.stories: OrderedDict[UUID, tuple[PersonStory, int]] = OrderedDict()
        self.recent_claims: dict[UUID, UUID] = {}

    def get(self, person_id: UUID) -> PersonStory | None:
        kept = self.stories.get(person_id)
        if kept is not None:
            self.stories.move_to_end(person_id)
        return kept[0] if kept is not None else None

    def keep(self, story: PersonStory) -> None:
        kept = self.stories.pop(story.id, None)
        self.entries -= kept[1] if kept is not None else 0
        withhold(story, kept[1] if kept is not None and kept[0] is story else 0)
        self.stories[story.id] = (story, len(story.entries))
        self.entries += len(story.entries)
        while self.entries > self.size and self.stories:
            self.entries -= self.stories.popitem(last=False)[1][1]

    def forget(self, person_id: UUID) -> None:
        kept = self.stories.pop(person_id, None)
        self.entries -= kept[1] if kept is not None else 0

    def clear(self) -> None:
        self.entries = 0
        self.stories.clear()
        self.recent_claims.clear()
