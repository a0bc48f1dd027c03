"""An erasure falls between two write turns, never inside one: it takes the log's write lock, so
a write turn that has checked the person is not erased commits before the key is destroyed
(its text then erased with the rest), never after. The person holds no NHS number, so the
erasure releases no claim (whose save would take the lock anyway)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from uuid import UUID, uuid4

import psycopg
import pytest
from builders import contact, provider, registration
from erasure_race import ERASURE_WATCH_ASLEEP, Paused, erase, raced

from commands import Ledger
from commands.receipts import Receipt

WAIT_SECONDS = 10


@pytest.fixture
def writer(env: dict[str, str]) -> Iterator[Ledger]:
    """The writing process, its erasure watch asleep."""
    app = Ledger(env={**env, **ERASURE_WATCH_ASLEEP})
    yield app
    app.close()


def erasure_stopped(database_url: str, schema: str, done: threading.Event) -> bool:
    """Wait until the erasure is done or waits for the log's write lock; whether it waits."""
    deadline = time.monotonic() + WAIT_SECONDS
    with psycopg.connect(database_url, autocommit=True) as conn:
        while not done.is_set() and time.monotonic() < deadline:
            waiting = conn.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                "AND query LIKE %s", (f'LOCK TABLE "{schema}".%',)).fetchone()
            if waiting and waiting[0]:
                return True
            time.sleep(0.02)
    return False


def key_destroyed(database_url: str, schema: str, person_id: UUID) -> bool:
    with psycopg.connect(database_url, autocommit=True) as conn:
        row = conn.execute(f'SELECT key IS NULL FROM "{schema}".ledger_events_person_keys '
                           "WHERE person_id = %s", (person_id,)).fetchone()
    return bool(row and row[0])


def test_an_erasure_waits_for_the_write_turn_that_checked_the_person(
    writer: Ledger, ledger: Ledger, env: dict[str, str], database_url: str, schema: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The write turn stops after its check, holding the lock; the erasure waits for its commit:
    the write is answered, and the key is destroyed only afterwards."""
    writer.register_provider(provider("hub"))
    person_id = uuid4()
    writer.register_person(person_id, registration(None))
    paused = Paused(writer.log_recorder.refusals, after=True)
    monkeypatch.setattr(writer.log_recorder, "refusals", paused)
    done, destroyed_meanwhile = threading.Event(), []
    erasing = threading.Thread(target=lambda: (erase(ledger, env, person_id), done.set()))

    def meanwhile() -> None:
        erasing.start()
        assert erasure_stopped(database_url, schema, done) or done.is_set()
        destroyed_meanwhile.append(key_destroyed(database_url, schema, person_id))

    answers: list[Receipt] = []
    raced(paused, lambda: answers.append(writer.append(person_id, [contact("c-1", summary="Rent.")])),
          meanwhile)
    erasing.join(WAIT_SECONDS)
    assert destroyed_meanwhile == [False]
    assert answers[0].version == 2
    assert key_destroyed(database_url, schema, person_id)
