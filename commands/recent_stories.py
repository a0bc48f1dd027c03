"""The stories this process appended to lately, kept so that an append replays nothing.

An append needs a story's facts (referrals, plans, stays, key worker, ids used) and its entries'
ids and providers, never a name or free text. So a kept story holds none, not even sealed: it is
loaded from the log without opening any sealed field, and every sealed field of every entry
(``ledger.identity.SEALED_FIELDS``) is withheld, as an erased story reads them (``None``), as is
its NHS-number fact. An append takes its story out of the cache while it decides and saves, and
puts it back only after its commit, so a refused or failed append leaves nothing behind.

A kept story behind the log (another process appended) repeats a stored version on saving and
is refused (``ConcurrentWrite``): reloaded, the append tried again; an If-Match ahead of it
reloads at once. Stories read are kept apart, sealed (``commands.read_stories``). An erasure
forgets the person in both at once, and in every other process within
``LEDGER_ERASURE_POLL_SECONDS`` (``commands.erasure_watch``); an append or read under way then
does not keep its story back (``ledger.kept``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import Mapper

from commands.erasure_watch import DEFAULT_POLL_SECONDS, ErasureWatch
from commands.person_keys import PersonKeys
from commands.read_stories import StoriesRead, events_after, replayed
from ledger.identity import SEALED_FIELDS, resealed_entry
from ledger.kept import Kept
from ledger.registration import no_story
from ledger.story import PersonStory

DEFAULT_SIZE = 10_000


def withheld(_field: str, _value: Any) -> None:
    """What a kept story holds in place of a sealed field: nothing."""
    return None


def withhold(story: PersonStory, start: int = 0) -> None:
    """Withhold the sealed fields of the story's entries from index ``start`` on, and its
    NHS-number fact."""
    entries = story.entries
    for index in range(start, len(entries)):
        entry = entries[index]
        if entry.type in SEALED_FIELDS:
            entries[index] = resealed_entry(entry, withheld)
    story.facts.nhs_number = None


class RecentStories:
    """At most ``size`` stories, least recently used leaving first; safe across threads."""

    def __init__(self, size: int = DEFAULT_SIZE) -> None:
        self.stories: Kept[UUID, PersonStory] = Kept(size)

    def take(self, person_id: UUID) -> tuple[int, PersonStory | None]:
        """The mark to keep the story back with (``ledger.kept``), and the kept story taken out
        for one append (None when not kept)."""
        return self.stories.mark(), self.stories.pop(person_id)

    def keep(self, story: PersonStory, withheld_before: int = 0, since: int | None = None) -> None:
        """Keep a story, its entries from index ``withheld_before`` on withheld first (not if
        the person was forgotten after the mark ``since``, taken before the story was)."""
        withhold(story, withheld_before)
        self.stories.put(story.id, story, since=since)

    def forget(self, person_id: UUID) -> None:
        """Drop the person's story, if kept, and refuse it from any append under way (erased)."""
        self.stories.forget(person_id)

    def __contains__(self, person_id: object) -> bool:
        return person_id in self.stories


class StoriesInMemory:
    """The Ledger's stories: as read (every field opened), and as an append decides on them
    (kept in ``RecentStories``, nothing opened)."""

    recent_stories: RecentStories
    read_stories: StoriesRead
    erasure_watch: ErasureWatch
    repository: Any
    recorder: Any
    mapper: Mapper[UUID]

    def keep_recent_stories(self, env: Mapping[str, str]) -> None:
        """Make the caches of stories appended to and read (``LEDGER_STORY_CACHE_SIZE`` each)."""
        size = int(env.get("LEDGER_STORY_CACHE_SIZE") or DEFAULT_SIZE)
        self.recent_stories = RecentStories(size)
        keys: PersonKeys = getattr(self, "person_keys")  # noqa: B009 (IdentityErasure's property)
        self.read_stories = StoriesRead(self.mapper, events_after(self.recorder),
                                        lambda person: keys.key_for(person, create=False), size)
        every = float(env.get("LEDGER_ERASURE_POLL_SECONDS") or DEFAULT_POLL_SECONDS)
        self.erasure_watch = ErasureWatch(keys, self.forget_stories, every)

    def forget_stories(self, person_id: UUID) -> None:
        """Drop the person from both caches (erased)."""
        self.recent_stories.forget(person_id)
        self.read_stories.forget(person_id)

    def close(self) -> None:
        """Stop the erasure watch, then close as the library does."""
        self.erasure_watch.stop()
        super().close()  # type: ignore[misc]

    def story(self, person_id: UUID, version: int | None = None) -> PersonStory:
        """A person's story, now or as it stood at a version."""
        try:
            story: object = self.repository.get(person_id, version=version, projector_func=replayed)
        except AggregateNotFoundError:
            raise no_story(person_id) from None
        if not isinstance(story, PersonStory):
            raise no_story(person_id)
        return story

    def story_to_read(self, person_id: UUID) -> PersonStory:
        """The story as it stands, opened, for an answer that changes it not (``read_stories``)."""
        story = self.read_stories.story(person_id)
        self.erasure_watch.start()
        return story

    def story_to_append(self, person_id: UUID, expected_version: int | None) -> tuple[PersonStory, int]:
        """The kept story, or the story loaded with its sealed fields unopened (reloaded when an
        If-Match names a version beyond the kept one), and the mark to keep it back with."""
        mark, story = self.recent_stories.take(person_id)  # erased after the mark: not kept back
        if story is None or (expected_version is not None and story.version < expected_version):
            story = self.sealed_story(person_id)
        return story, mark

    def keep_appended(self, story: PersonStory, entries_before: int, mark: int) -> None:
        """Keep a story whose appended events are committed, unless erased since ``mark``."""
        self.recent_stories.keep(story, entries_before, since=mark)
        self.erasure_watch.start()

    def sealed_story(self, person_id: UUID) -> PersonStory:
        """The story from the log, its sealed fields withheld (no key is used, none opened)."""
        story: Any = None
        for stored in self.recorder.select_events(person_id):
            event: Any = Mapper.to_domain_event(self.mapper, stored)
            story = event.mutate(story)
        if not isinstance(story, PersonStory):
            raise no_story(person_id)
        withhold(story)
        return story
