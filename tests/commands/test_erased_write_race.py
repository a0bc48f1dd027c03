"""A write giving free text, under way when the person is erased: refused, never a receipt for
text stored emptied. The write stops just after the erased-write check passed (the key was
there), the person is erased meanwhile, then the write goes on to seal and save."""

from __future__ import annotations

from collections.abc import Iterator
from uuid import UUID

import pytest
from builders import contact
from erasure_race import ERASURE_WATCH_ASLEEP, Paused, erase, raced

import commands.application
from commands import Ledger
from commands.erased_writes import refuse_if_lost
from ledger.errors import InvalidEvent


@pytest.fixture
def ledger(env: dict[str, str]) -> Iterator[Ledger]:
    """The write side, its erasure watch asleep."""
    app = Ledger(env={**env, **ERASURE_WATCH_ASLEEP})
    yield app
    app.close()


def test_a_summary_written_as_the_person_is_erased_is_refused(
    ledger: Ledger, person: UUID, env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    paused = Paused(refuse_if_lost, after=True)
    monkeypatch.setattr(commands.application, "refuse_if_lost", paused)
    with pytest.raises(InvalidEvent, match=r"data\.summary"):
        raced(paused, lambda: ledger.append(person, [contact("c-1", summary="Talked about rent.")]),
              lambda: erase(ledger, env, person))
    assert len(ledger.story(person).entries) == 1
