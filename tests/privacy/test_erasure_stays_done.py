"""Done when (issue 12): erase a person who had break-glass reads and a relationship claim, rotate
the master key, and nothing of theirs is left readable in any relation file of the database."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import pytest
from builders import event
from replay_borough import all_figures, import_borough

from commands import Ledger
from commands.access_log import AccessLog, Read
from commands.audit_log import AuditLog
from commands.erasure_requests import approve_erasure, request_erasure
from commands.idempotency import FINGERPRINT_VERSION, canonical
from commands.key_wrapping import MasterKey
from projections.facts.runner import FiguresRunner
from tests.cli.test_import_command import ledger_command
from tests.privacy.relation_files import relation_files, where_found

PERSON = {"given_name": "Quillifer", "family_name": "Zabriskie-Hollow", "birth_date": "1937-06-17",
          "postcode": "ZZ9 9QX", "nhs_number": "7182936453"}
BREAK_GLASS = "found collapsed near Wapping Basin, bracelet says Quillifer"
AUDIT_PURPOSE = "checking the Zabriskie complaint about missed visits"
CLAIM_REASON = "walked into the Hub from the Marigold night shelter"
ERASURE_REASON = "asked in writing on the Tuesday for Marigold erasure"


def read(reason: str, outcome: str, role: str = "provider") -> Read:
    """A flagged read with a typed reason."""
    return Read(role=role, provider_id=None if role == "analyst" else "hub", staff_id="s-9",
                reason=reason, break_glass=True, outcome=outcome, at=datetime.now(UTC))


def story_with_reasons(env: dict[str, str]) -> tuple[UUID, dict[str, Any]]:
    """A borough, and one person with a relationship claim, a break-glass read and an analyst's
    audited read, an idempotent registration and an erasure request; answers what was stored."""
    person_id = uuid4()
    with Ledger(env=env) as ledger, AccessLog(env=env) as access_log, AuditLog(env=env) as audit:
        import_borough(ledger)
        registration = event("PersonRegistered", PERSON, "hub")
        ledger.register_person(person_id, registration, idempotency_key="reg-1")
        claim = event("RelationshipClaimed", {"reason": CLAIM_REASON}, "hub", datetime.now(UTC))
        ledger.claim_relationship(PERSON["nhs_number"], date.fromisoformat(PERSON["birth_date"]), claim)
        access_log.record_read(person_id, read(CLAIM_REASON, "relationship_claim"))
        access_log.record_read(person_id, read(BREAK_GLASS, "allowed_break_glass"))
        access_log.record_read(person_id, read(AUDIT_PURPOSE, "allowed_audit_purpose", "analyst"))
        request_erasure(ledger, audit, person_id, "admin-1", "admin", ERASURE_REASON)
        stored = {"key": ledger.person_keys.key_for(person_id, create=False),
                  "wrapped": wrapped_key(ledger, person_id),
                  "plain_digest": plain_fingerprint(person_id, registration).encode()}
        runner = FiguresRunner(env, app=ledger)
        runner.catch_up()
        stored["figures"] = all_figures(runner.view)
        runner.stop()
        approve_erasure(ledger, audit, person_id, "dpo-1", "privacy_officer")
    return person_id, stored


def wrapped_key(ledger: Ledger, person_id: UUID) -> bytes:
    """The person's key as stored in the key table."""
    with ledger.person_keys.datastore.transaction(commit=False) as curs:
        curs.execute(f"SELECT key FROM public.{ledger.name}_events_person_keys WHERE person_id = %s",
                     (person_id,))
        return bytes(curs.fetchone()["key"])


def plain_fingerprint(person_id: UUID, registration: Any) -> str:
    """What an unkeyed digest of the registration's request would be (a plain SHA-256 of the
    canonical request the idempotency record's HMAC is taken of)."""
    request = {"version": FINGERPRINT_VERSION, "route": "register", "person_id": str(person_id),
               "body": canonical(registration)}
    text = json.dumps(request, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


@pytest.fixture(scope="module")
def erased_and_rotated(own_env: dict[str, str], cli_env: dict[str, str], home: Path) -> dict[str, Any]:
    """The person erased (two people), every server stopped, the master key rotated."""
    old_master = (home / "master-key").read_text()
    person_id, stored = story_with_reasons(own_env)
    answer = ledger_command(["rotate-master-key", "--actor", "ops-1"], cli_env)
    assert answer.returncode == 0, answer.stderr
    new_master = (home / "master-key").read_text()
    assert new_master != old_master
    return {**stored, "person_id": person_id, "new_master": new_master,
            "env": {**own_env, "LEDGER_MASTER_KEY": new_master}}


def test_nothing_of_the_erased_person_is_left_in_any_relation_file(
    erased_and_rotated: dict[str, Any], own_database: str
) -> None:
    """Names, NHS number, birth date, postcode, every reason, the key itself and the unkeyed
    digest of their registration: in no table, index or TOAST file, dead tuples included."""
    files = relation_files(own_database)
    assert where_found(files, erased_and_rotated["person_id"].bytes)  # the scan sees the story
    needles = [*PERSON.values(), BREAK_GLASS, AUDIT_PURPOSE, CLAIM_REASON, ERASURE_REASON]
    found = {needle: where_found(files, needle.encode()) for needle in needles}
    found["the raw key"] = where_found(files, erased_and_rotated["key"])
    found["the unkeyed digest"] = where_found(files, erased_and_rotated["plain_digest"])
    assert {needle: where for needle, where in found.items() if where} == {}


def test_the_old_wrapped_key_no_longer_unwraps(erased_and_rotated: dict[str, Any]) -> None:
    """Recovered from an old page, the WAL or a backup, it opens under no current master key."""
    person_id = erased_and_rotated["person_id"]
    wrapped = erased_and_rotated["wrapped"]
    assert erased_and_rotated["key"] not in wrapped
    assert MasterKey(erased_and_rotated["new_master"]).unwrap(wrapped, person_id) is None


def test_other_people_still_read_and_every_figure_is_unchanged(
    erased_and_rotated: dict[str, Any]
) -> None:
    """Rotation re-wrapped every live key: stories read; the figures equal those before."""
    env = erased_and_rotated["env"]
    with Ledger(env=env) as ledger:
        runner = FiguresRunner(env, app=ledger)
        runner.catch_up()
        assert all_figures(runner.view) == erased_and_rotated["figures"]
        runner.stop()
        erased = ledger.story(erased_and_rotated["person_id"])
        assert erased.entries[0].data["given_name"] is None
        assert ledger.nhs_number_owner(PERSON["nhs_number"]) is None
        other = ledger.story(someone_else(ledger, erased_and_rotated["person_id"]))
        assert other.entries[0].data["given_name"] is not None


def someone_else(ledger: Ledger, person_id: UUID) -> UUID:
    """Another registered person of the borough."""
    with ledger.person_keys.datastore.transaction(commit=False) as curs:
        curs.execute("SELECT originator_id FROM public.ledger_events WHERE topic = "
                     "'ledger.PersonStory.PersonRegistered' AND originator_id <> %s LIMIT 1",
                     (person_id,))
        found: UUID = curs.fetchone()["originator_id"]
    return found


def test_replay_still_verifies(erased_and_rotated: dict[str, Any], cli_env: dict[str, str]) -> None:
    """Rebuilt from the log after erasure and rotation, the facts equal the live ones."""
    answer = ledger_command(["replay", "--verify"], cli_env)
    assert answer.returncode == 0, answer.stderr
    assert json.loads(answer.stdout)["identical"] is True
