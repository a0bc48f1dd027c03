"""Appends decide on a story kept in memory: no name or free text kept, nothing replayed, and
a kept story that fell behind the log (another process appended) never costs a write."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import pytest
from builders import contact, nhs_number

from commands import Ledger
from ledger.errors import ConcurrentWrite


def test_a_kept_story_holds_no_name_nhs_number_or_free_text(ledger: Ledger, person: UUID) -> None:
    """Every sealed field of a kept story is withheld, sealed or not."""
    ledger.append(person, [contact("c-1", summary="Talked about housing")])
    kept = repr(vars(ledger.recent_stories.stories.get(person)))
    for secret in ("Ada", "Example", nhs_number(1), "housing", "sealed"):
        assert secret not in kept
    assert "c-1" in kept  # the ids the guards need stay


def test_the_next_append_reads_nothing_of_the_story(
    ledger: Ledger, person: UUID, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once kept, a story is not read back from the log to append to it."""
    ledger.append(person, [contact("c-1")])
    reads: list[Any] = []
    select = ledger.recorder.select_events
    monkeypatch.setattr(ledger.recorder, "select_events",
                        lambda *a, **k: reads.append(a) or select(*a, **k))
    ledger.append(person, [contact("c-2")])
    assert reads == []
    assert ledger.story(person).version == 3


def test_a_kept_story_behind_the_log_is_refused_then_reloaded(
    ledger: Ledger, person: UUID, env: dict[str, str]
) -> None:
    """Another process appended meanwhile: the stale decision is refused (nothing stored), and
    the append tried again lands on the story as stored."""
    ledger.append(person, [contact("c-1")])
    with Ledger(env=env) as other:
        other.append(person, [contact("c-2")])
    with pytest.raises(ConcurrentWrite):
        ledger.append(person, [contact("c-3")])
    assert ledger.append(person, [contact("c-3")]).version == 4
    story = ledger.story(person)
    assert [e.data.get("contact_id") for e in story.entries[1:]] == ["c-1", "c-2", "c-3"]


def test_an_if_match_beyond_the_kept_version_reloads_the_story(
    ledger: Ledger, person: UUID, env: dict[str, str]
) -> None:
    """The caller saw a version this process has not: the story is read again, not refused."""
    ledger.append(person, [contact("c-1")])
    with Ledger(env=env) as other:
        other.append(person, [contact("c-2")])
    assert ledger.append(person, [contact("c-3")], expected_version=3).version == 4
