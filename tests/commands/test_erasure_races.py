"""A read or an append under way when the person is erased keeps nothing of
them afterwards, and every answer after the erasure is the erased person's (sealed fields null),
however the erasure fell between the racing thread's load and its keeping.

Each process's erasure watch is asleep here: only the erasing process's own forgetting counts.
"""

from __future__ import annotations

from collections.abc import Iterator
from uuid import UUID

import pytest
from builders import contact
from erasure_race import ERASURE_WATCH_ASLEEP, Paused, erase, raced

from commands import Ledger


@pytest.fixture
def ledger(env: dict[str, str]) -> Iterator[Ledger]:
    """The write side, its erasure watch asleep."""
    app = Ledger(env={**env, **ERASURE_WATCH_ASLEEP})
    yield app
    app.close()


def test_a_read_that_fetched_the_story_before_the_erasure_does_not_keep_it(
    ledger: Ledger, person: UUID, env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The read stops between fetching the events and keeping the story; the erasure comes."""
    paused = Paused(ledger.read_stories.events, after=True)
    monkeypatch.setattr(ledger.read_stories, "events", paused)
    raced(paused, lambda: ledger.story_to_read(person), lambda: erase(ledger, env, person))
    assert person not in ledger.read_stories


def test_an_append_under_way_at_the_erasure_does_not_keep_the_story(
    ledger: Ledger, person: UUID, env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The append commits, stops before keeping its story; the erasure comes."""
    paused = Paused(ledger.recent_stories.keep)
    monkeypatch.setattr(ledger.recent_stories, "keep", paused)
    raced(paused, lambda: ledger.append(person, [contact("c-1")]), lambda: erase(ledger, env, person))
    assert person not in ledger.recent_stories


def test_a_key_read_before_the_erasure_opens_nothing_after_it(
    ledger: Ledger, person: UUID, env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read asks for the key (not cached), stops before caching it; the erasure comes. The
    next read answers the erased person: name and NHS number null."""
    keys = ledger.person_keys
    keys.forget_all()
    paused = Paused(keys._opened)
    monkeypatch.setattr(keys, "_opened", paused)
    raced(paused, lambda: ledger.story_to_read(person), lambda: erase(ledger, env, person))
    story = ledger.story_to_read(person)
    assert (story.facts.nhs_number, story.entries[0].data["given_name"]) == (None, None)
