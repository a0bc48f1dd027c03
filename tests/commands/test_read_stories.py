"""Story reads start from the story this process read last, kept sealed: nothing kept in clear,
only the events after it read from the log, another process's appends shown, and an erasure
forgets the person and closes their fields."""

from __future__ import annotations

import time
from typing import Any
from uuid import UUID

import pytest
from builders import contact, nhs_number

from commands import Ledger
from commands.audit_log import AuditLog

POLL_SECONDS = 0.2


def test_a_story_kept_for_reading_holds_no_name_nhs_number_or_free_text_in_clear(
    ledger: Ledger, person: UUID
) -> None:
    """The kept story holds its sealed fields as stored (markers), never opened."""
    ledger.append(person, [contact("c-1", summary="Talked about housing")])
    ledger.story_to_read(person)
    kept = repr(vars(ledger.read_stories.stories.get(person)))
    for secret in ("Ada", "Example", nhs_number(1), "housing"):
        assert secret not in kept
    assert "sealed" in kept
    assert "c-1" in kept


def test_a_read_answers_the_story_as_the_log_replays_it(ledger: Ledger, person: UUID) -> None:
    """Every entry and fact equal to the story replayed from the log, names opened."""
    ledger.append(person, [contact("c-1", summary="Talked about housing")])
    ledger.story_to_read(person)
    ledger.append(person, [contact("c-2")])
    read, replayed = ledger.story_to_read(person), ledger.story(person)
    assert read.entries == replayed.entries
    assert read.version == replayed.version == 3
    assert read.facts == replayed.facts
    assert read.facts.nhs_number == nhs_number(1)
    assert read.entries[1].data["summary"] == "Talked about housing"


def test_a_second_read_asks_the_log_only_for_events_after_the_kept_version(
    ledger: Ledger, person: UUID, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once kept, a story is read back from its next version on."""
    ledger.story_to_read(person)
    asked: list[Any] = []
    select = ledger.read_stories.events  # the log's events after a version (None: all)
    monkeypatch.setattr(ledger.read_stories, "events",
                        lambda person, after: asked.append(after) or select(person, after))
    ledger.story_to_read(person)
    assert asked == [1]


def test_a_read_shows_what_another_process_appended(
    ledger: Ledger, person: UUID, env: dict[str, str]
) -> None:
    """The kept story behind the log is brought up to it, not answered stale."""
    ledger.story_to_read(person)
    with Ledger(env=env) as other:
        other.append(person, [contact("c-2")])
    story = ledger.story_to_read(person)
    assert story.version == 2
    assert story.entries[-1].data["contact_id"] == "c-2"


def test_a_reader_changing_its_answer_leaves_the_kept_story_alone(
    ledger: Ledger, person: UUID
) -> None:
    """Each read is handed its own opened copy."""
    ledger.story_to_read(person).entries.clear()
    assert len(ledger.story_to_read(person).entries) == 1


def test_an_erasure_forgets_the_read_story_here_and_elsewhere(
    ledger: Ledger, person: UUID, env: dict[str, str]
) -> None:
    """The erasing process forgets at once; another within its poll, and its fields read None."""
    with Ledger(env={**env, "LEDGER_ERASURE_POLL_SECONDS": str(POLL_SECONDS)}) as other:
        other.story_to_read(person)
        ledger.story_to_read(person)
        with AuditLog(env=env) as audit_log:
            ledger.erase_identity(person, audit_log, "admin-1", "admin")
        assert person not in ledger.read_stories
        erased_at = time.monotonic()
        while person in other.read_stories and time.monotonic() - erased_at < 5:
            time.sleep(0.05)
        assert person not in other.read_stories
        story = other.story_to_read(person)
        assert story.entries[0].data["given_name"] is None
        assert story.facts.nhs_number is None
