"""A conflict that only the insert sees (the check of stored versions missed it) fails in the
second round trip, with the commit: the batch is rolled back, the conflicting append alone is
refused, the others land, and the connection goes back to the pool clean."""

from __future__ import annotations

import logging
from typing import Any
from uuid import UUID, uuid4

import pytest
from builders import contact, registration
from queued_writes import queued_together

from commands import Ledger
from ledger.errors import ConcurrentWrite


def test_a_conflict_seen_only_at_the_commit_is_refused_alone(
    ledger: Ledger, env: dict[str, str], person: UUID, monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The ledger's kept story is behind (another process appended); with the check blinded, its
    append meets the stored version at the insert: refused alone, the other append lands."""
    other_person = uuid4()
    ledger.register_person(other_person, registration(None))
    ledger.append(person, [contact("c-1")])  # kept at version 2
    with Ledger(env=env) as other_process:
        other_process.append(person, [contact("c-2")])  # version 3, unseen by the kept story
    recorder = ledger.log_recorder
    ask = recorder._ask_stored_versions
    monkeypatch.setattr(recorder, "_ask_stored_versions",
                        lambda curs, pairs: ask(curs, []))  # the check sees nothing stored
    caplog.set_level(logging.WARNING)
    outcomes: list[Any] = queued_together(ledger, [lambda: ledger.append(person, [contact("c-3")]),
                                                   lambda: ledger.append(other_person, [contact("c-1")])])
    assert isinstance(outcomes[0], ConcurrentWrite)
    assert outcomes[1].version == 2
    assert [ledger.append(p, [contact("c-4")]).version for p in (person, other_person)] == [4, 3]
    assert not [r for r in caplog.records if r.name.startswith("psycopg")]  # nothing left open
