"""Tamper evidence: the chain holds on an untouched log and names an event altered by hand."""

from __future__ import annotations

from uuid import UUID, uuid4

import psycopg
import pytest
from builders import contact, provider, registration
from import_lines import HUB, REGISTERED, contact_line

from commands import Ledger
from commands.bulk_import import BulkImport
from replay.verify_chain import verify_chain


@pytest.fixture
def person(ledger: Ledger) -> UUID:
    """A story of three events, written by commands."""
    ledger.register_provider(provider("hub"))
    person_id = uuid4()
    ledger.register_person(person_id, registration(1))
    ledger.append(person_id, [contact("c-1"), contact("c-2")])
    return person_id


def tamper(database_url: str, schema: str, statement: str) -> None:
    """Change the stored log directly in PostgreSQL, as an intruder would."""
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute(f'SET search_path TO "{schema}"')
        conn.execute(statement)


def test_an_untouched_log_verifies(ledger: Ledger, person: UUID) -> None:
    """Every event's link recomputes from its stored bytes."""
    report = verify_chain(ledger)
    assert (report.broken_at, report.events) == (None, 5)


def test_an_altered_event_is_named(
    ledger: Ledger, person: UUID, database_url: str, schema: str
) -> None:
    """Changing one byte of a stored event breaks its link, and the report names it."""
    tamper(database_url, schema, "UPDATE ledger_events SET state = overlay(state placing 'X' "
           f"from 30 for 1) WHERE originator_id = '{person}' AND originator_version = 2")
    broken = verify_chain(ledger).broken_at
    assert broken is not None
    assert (broken["stream_id"], broken["version"]) == (str(person), 2)


def test_a_deleted_event_is_detected(
    ledger: Ledger, person: UUID, database_url: str, schema: str
) -> None:
    """The link of a deleted event has no event any more."""
    tamper(database_url, schema, f"DELETE FROM ledger_events WHERE originator_id = '{person}' "
           "AND originator_version = 3")
    broken = verify_chain(ledger).broken_at
    assert broken is not None
    assert broken["reason"] == "a linked event is missing"


def test_an_event_inserted_behind_the_ledgers_back_is_detected(
    ledger: Ledger, person: UUID, database_url: str, schema: str
) -> None:
    """A row added without a link is reported."""
    tamper(database_url, schema, "INSERT INTO ledger_events (originator_id, originator_version, "
           f"topic, state) VALUES ('{person}', 4, 'ledger.PersonStory.ContactRecorded', '\\x7b7d')")
    broken = verify_chain(ledger).broken_at
    assert broken is not None
    assert (broken["version"], broken["reason"]) == (4, "an event has no link")


def test_imported_events_are_linked_too(ledger: Ledger, person: UUID) -> None:
    """The COPY path of the import links every event it appends."""
    BulkImport(ledger).run(enumerate([HUB.replace(b'"hub"', b'"hub-2"'), REGISTERED,
                                      contact_line("c-1")], 1), lambda n: None)
    assert verify_chain(ledger).broken_at is None
