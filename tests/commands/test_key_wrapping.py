"""Person keys wrapped by the master key: stored wrapped, legacy raw keys still read, rotation."""

from __future__ import annotations

import os
from uuid import UUID

import psycopg
import pytest
from builders import provider, registration

from commands import Ledger
from commands.key_rotation import rewrap
from commands.key_wrapping import MasterKey

OLD, NEW = "an-old-master-key-for-these-tests-0000", "a-new-master-key-for-these-tests-11111"


def stored_key(database_url: str, schema: str, person_id: UUID) -> bytes:
    """The key column of the person's row, as stored."""
    with psycopg.connect(database_url) as conn:
        row = conn.execute(f'SELECT key FROM "{schema}".ledger_events_person_keys WHERE person_id = %s',
                           (person_id,)).fetchone()
    assert row is not None
    return bytes(row[0])


def test_a_stored_key_is_wrapped_and_is_not_the_key(
    ledger: Ledger, person: UUID, database_url: str, schema: str
) -> None:
    """The row holds the wrapped key; the key itself is nowhere in it."""
    key = ledger.person_keys.key_for(person, create=False)
    assert key is not None
    stored = stored_key(database_url, schema, person)
    assert key not in stored
    assert MasterKey(os.environ["LEDGER_MASTER_KEY"]).unwrap(stored, person) == key


def test_a_legacy_raw_key_still_reads_and_rotation_wraps_it(
    env: dict[str, str], database_url: str, schema: str
) -> None:
    """A key stored before wrapping (32 raw bytes) opens; after a rewrap it is stored wrapped."""
    person_id = UUID(int=7)
    with Ledger(env={k: v for k, v in env.items() if k != "LEDGER_MASTER_KEY"}) as legacy:
        legacy.register_provider(provider("hub"))
        legacy.register_person(person_id, registration(1))
    assert len(stored_key(database_url, schema, person_id)) == 32
    with Ledger(env={**env, "LEDGER_MASTER_KEY": OLD}) as ledger:
        assert ledger.story(person_id).entries[0].data["given_name"] == "Ada"
        keys = ledger.person_keys
        with keys.datastore.transaction(commit=True) as curs:
            assert rewrap(keys, curs, MasterKey(OLD), MasterKey(NEW)) == 1
    assert len(stored_key(database_url, schema, person_id)) > 32
    with Ledger(env={**env, "LEDGER_MASTER_KEY": NEW}) as rotated:
        assert rotated.story(person_id).entries[0].data["given_name"] == "Ada"


def test_rotation_from_a_wrong_master_key_changes_nothing(
    ledger: Ledger, person: UUID, database_url: str, schema: str
) -> None:
    """A key that does not open under the claimed old master key stops the rewrap."""
    before = stored_key(database_url, schema, person)
    keys = ledger.person_keys
    with pytest.raises(ValueError, match="does not open"), \
            keys.datastore.transaction(commit=True) as curs:
        rewrap(keys, curs, MasterKey(OLD), MasterKey(NEW))
    assert stored_key(database_url, schema, person) == before

