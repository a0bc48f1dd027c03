"""The stories an import touched lately, kept between its batches, with nothing to identify anyone."""

from __future__ import annotations

from collections import OrderedDict
from uuid import UUID

from commands.recent_stories import withhold
from ledger.story import PersonStory

__all__ = ["StoryCache"]


class StoryCache:
    """Recently imported stories kept in memory (least recently used leave first), each with its
    sealed fields withheld (``commands.recent_stories.withhold``): no name or free text is kept,
    and a million-line import holds at most ``size`` small stories."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.stories: OrderedDict[UUID, tuple[PersonStory, int]] = OrderedDict()
        self.recent_claims: dict[UUID, UUID] = {}

    def get(self, person_id: UUID) -> PersonStory | None:
        kept = self.stories.get(person_id)
        if kept is not None:
            self.stories.move_to_end(person_id)
        return kept[0] if kept is not None else None

    def keep(self, story: PersonStory) -> None:
        kept = self.stories.get(story.id)
        withhold(story, kept[1] if kept is not None and kept[0] is story else 0)
        self.stories[story.id] = (story, len(story.entries))
        self.stories.move_to_end(story.id)
        while len(self.stories) > self.size:
            self.stories.popitem(last=False)

    def forget(self, person_id: UUID) -> None:
        self.stories.pop(person_id, None)

    def clear(self) -> None:
        self.stories.clear()
        self.recent_claims.clear()
