"""The stories this process read lately, kept sealed, so that a read replays only what is new.

A story read used to fetch every event of the story, decode each and replay it. Now the story
last read is kept as replayed with its sealed fields still sealed (the markers as stored: nothing
in clear, as in the log itself), and a read asks the log only for the events after the kept
version (one indexed statement, usually answering none), replays those onto a copy, and opens
the sealed fields of a copy for the answer with the person's key. So a read always shows every
event committed before it (another process's appends included), and an erased person's fields
read as ``None`` as soon as their key is gone; the person is also forgotten here at once in the
erasing process and in every other within ``LEDGER_ERASURE_POLL_SECONDS``. A read under way
when the person is forgotten (its events fetched before) does not keep its story
(``ledger.kept``): it would bring an erased person back until the cache dropped them.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any
from uuid import UUID

from eventsourcing.persistence import InterfaceError, Mapper, OperationalError, StoredEvent
from eventsourcing.utils import retry
from psycopg.rows import tuple_row
from psycopg.sql import SQL, Identifier

from commands.sealing import opener
from ledger.identity import SEALED_FIELDS, reseal
from ledger.kept import Kept
from ledger.registration import no_story
from ledger.story import PersonStory

DEFAULT_SIZE = 10_000  # people; a kept story is its entries, sealed fields as stored

Events = Callable[[UUID, int | None], Sequence[StoredEvent]]  # the stream's events after a version
Key = Callable[[UUID], bytes | None]  # the person's key (None once erased)


class StoriesRead:
    """At most ``size`` stories kept sealed, least recently used leaving first."""

    def __init__(self, mapper: Mapper[UUID], events: Events, key: Key,
                 size: int = DEFAULT_SIZE) -> None:
        self.mapper, self.events, self.key = mapper, events, key
        self.stories: Kept[UUID, PersonStory] = Kept(size)

    def story(self, person_id: UUID) -> PersonStory:
        """The person's story as it stands in the log, its sealed fields opened (a copy: the
        kept story is never handed out)."""
        mark = self.stories.mark()  # an erasure from now on refuses this read's put
        kept = self.stories.get(person_id)
        stored = self.events(person_id, None if kept is None else kept.version)
        story = kept
        if stored:
            story = replayed(None if kept is None else copy.deepcopy(kept),  # seals unopened
                             (Mapper.to_domain_event(self.mapper, event) for event in stored))
            if not isinstance(story, PersonStory):
                raise no_story(person_id)
            self.stories.put(person_id, story, since=mark,
                             replaces=lambda old: old.version < story.version)
        if story is None:
            raise no_story(person_id)
        return opened(story, self.key(person_id))

    def forget(self, person_id: UUID) -> None:
        """Drop the person's kept story (erased), and refuse it from any read begun before."""
        self.stories.forget(person_id)

    def __contains__(self, person_id: object) -> bool:
        return person_id in self.stories


def events_after(recorder: Any) -> Events:
    """The stream's events after a version: the library's ``select_events`` with its statement
    made once and its rows as tuples (a read asks it every time, mostly to hear of nothing)."""
    statement = SQL("SELECT originator_version, topic, state FROM {}.{} WHERE originator_id = %s "
                    "AND originator_version > %s ORDER BY originator_version").format(
        Identifier(recorder.datastore.schema), Identifier(recorder.events_table_name))

    def select(person_id: UUID, after: int | None) -> Sequence[StoredEvent]:
        with recorder.datastore.get_connection() as conn, conn.cursor(row_factory=tuple_row) as curs:
            curs.execute(statement, (person_id, after or 0), prepare=True)
            return [StoredEvent(person_id, version, topic, bytes(state))
                    for version, topic, state in curs.fetchall()]
    retried: Events = retry((InterfaceError, OperationalError), max_attempts=10, wait=0.2)(select)
    return retried  # retried as the library's


def opened(story: PersonStory, key: bytes | None) -> PersonStory:
    """A copy of a kept story with its sealed fields opened by ``key`` (``None`` without one);
    what is not sealed is shared with the kept story, which no reader changes."""
    open_value = opener(key, story.id)
    shown = copy.copy(story)
    shown.entries = [replace(entry, data=reseal(entry.type, entry.data, open_value))
                     if entry.type in SEALED_FIELDS else entry for entry in story.entries]
    shown.facts = copy.copy(story.facts)
    shown.facts.nhs_number = open_value("nhs_number", story.facts.nhs_number)
    return shown


def replayed(story: Any, events: Any) -> Any:
    """The library's ``project_aggregate`` without its per-event runtime protocol check (about a
    twentieth of a story read's CPU): the events are the ledger's own, each with ``mutate``."""
    for event in events:
        story = event.mutate(story)
    return story
