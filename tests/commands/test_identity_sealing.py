"""Crypto-shredding: identifying details and free text are stored sealed with the person's key."""

from __future__ import annotations

from uuid import UUID

import psycopg
import pytest
from builders import contact, nhs_number
from import_lines import HUB, PERSON, REGISTERED, contact_line

from commands import Ledger
from commands.audit_log import AuditLog
from commands.bulk_import import BulkImport
from ledger.errors import InvalidEvent


def stored_bytes(database_url: str, schema: str, person_id: UUID | str) -> bytes:
    """Every stored byte of the person's stream, as PostgreSQL holds it."""
    with psycopg.connect(database_url) as conn:
        rows = conn.execute(f'SELECT state FROM "{schema}".ledger_events WHERE originator_id = %s',
                            (str(person_id),)).fetchall()
    return b"".join(bytes(row[0]) for row in rows)


def test_stored_bytes_hold_no_name_or_nhs_number(
    ledger: Ledger, person: UUID, database_url: str, schema: str
) -> None:
    """Neither the name nor the NHS number appears in the stored log."""
    ledger.append(person, [contact("c-1", summary="Talked about Ada's housing")])
    stored = stored_bytes(database_url, schema, person)
    assert b"Ada" not in stored
    assert b"Example" not in stored
    assert nhs_number(1).encode() not in stored
    assert b"housing" not in stored


def test_the_story_reads_back_its_details_while_the_key_exists(ledger: Ledger, person: UUID) -> None:
    """Sealed fields open again on reading the story."""
    ledger.append(person, [contact("c-1", summary="Talked about housing")])
    entries = ledger.story(person).entries
    assert entries[0].data["given_name"] == "Ada"
    assert entries[0].data["nhs_number"] == nhs_number(1)
    assert entries[1].data["summary"] == "Talked about housing"


def test_after_erasure_the_details_read_as_none(ledger: Ledger, person: UUID, env: dict[str, str]) -> None:
    """The key destroyed, the details are gone; the clinical history is not."""
    ledger.append(person, [contact("c-1", summary="Talked about housing")])
    with AuditLog(env=env) as audit_log:
        ledger.erase_identity(person, audit_log, "admin-1", "admin")
    with Ledger(env=env) as fresh:  # another process: no key in its cache
        entries = fresh.story(person).entries
    assert [entries[0].data[f] for f in ("given_name", "family_name", "nhs_number")] == [None] * 3
    assert entries[1].data["summary"] is None
    assert (entries[1].data["contact_id"], entries[1].data["channel"]) == ("c-1", "face_to_face")


def test_erasure_is_recorded_in_the_audit_log(ledger: Ledger, person: UUID, env: dict[str, str]) -> None:
    """Who erased whom is in the audit log, not in the story."""
    with AuditLog(env=env) as audit_log:
        ledger.erase_identity(person, audit_log, "admin-1", "admin")
        entry = audit_log.entries()[-1]
    assert (entry.actor, entry.action, entry.details) == ("admin-1", "erase_identity",
                                                          {"person_id": str(person)})
    assert ledger.story(person).version == 1


def test_the_story_takes_new_events_after_erasure(ledger: Ledger, person: UUID, env: dict[str, str]) -> None:
    """Care goes on: an entry with nothing sealed in it is kept."""
    with AuditLog(env=env) as audit_log:
        ledger.erase_identity(person, audit_log, "admin-1", "admin")
    ledger.append(person, [contact("c-2")])
    assert ledger.story(person).entries[-1].data["contact_id"] == "c-2"


def test_free_text_after_erasure_is_refused_not_dropped(
        ledger: Ledger, person: UUID, env: dict[str, str]) -> None:
    """The key is gone for good, so a summary could not be kept: the write is refused."""
    with AuditLog(env=env) as audit_log:
        ledger.erase_identity(person, audit_log, "admin-1", "admin")
    with pytest.raises(InvalidEvent, match=r"^data\.summary: "):
        ledger.append(person, [contact("c-2", summary="New words")])


def test_the_bulk_import_seals_too(ledger: Ledger, database_url: str, schema: str) -> None:
    """Lines imported through COPY are sealed like commands' events, and read back."""
    lines = [HUB, REGISTERED, contact_line("c-1", summary="Imported housing note")]
    BulkImport(ledger, batch_size=3).run(enumerate(lines, start=1), lambda n: None)
    stored = stored_bytes(database_url, schema, PERSON)
    assert b"Ada" not in stored
    assert b"housing" not in stored
    entries = ledger.story(UUID(PERSON)).entries
    assert (entries[0].data["given_name"], entries[1].data["summary"]) == ("Ada", "Imported housing note")
