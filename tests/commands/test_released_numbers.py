"""After erasure the NHS number answers nothing about the old story and is free for a new one."""

from __future__ import annotations

import json
from uuid import UUID, uuid4

from builders import nhs_number, registration
from import_lines import HUB, REGISTERED

from commands import Ledger
from commands.audit_log import AuditLog
from commands.bulk_import import BulkImport


def erase(ledger: Ledger, person_id: UUID, env: dict[str, str]) -> None:
    """Erase as the operator does."""
    with AuditLog(env=env) as audit_log:
        ledger.erase_identity(person_id, audit_log, "ops-1", "cli")


def test_an_erased_persons_number_has_no_owner(ledger: Ledger, person: UUID, env: dict[str, str]) -> None:
    """The claim names nobody once its story is erased."""
    erase(ledger, person, env)
    assert ledger.nhs_number_owner(nhs_number(1)) is None


def test_a_new_story_may_take_an_erased_persons_number(
    ledger: Ledger, person: UUID, env: dict[str, str]
) -> None:
    """A registration with the number is a new story, and the number is now its."""
    erase(ledger, person, env)
    newcomer = uuid4()
    ledger.register_person(newcomer, registration(1))
    assert ledger.nhs_number_owner(nhs_number(1)) == newcomer


def test_the_import_may_take_an_erased_persons_number(ledger: Ledger, env: dict[str, str]) -> None:
    """The bulk import, too, claims a released number afresh."""

    report = BulkImport(ledger).run(enumerate([HUB, REGISTERED], 1), lambda n: None)
    assert not report.rejections
    first = UUID(json.loads(REGISTERED)["person_id"])
    erase(ledger, first, env)
    again = json.dumps({**json.loads(REGISTERED), "person_id": str(uuid4())}).encode()
    report = BulkImport(ledger).run(enumerate([again], 1), lambda n: None)
    assert not report.rejections, report.rejections
    assert ledger.nhs_number_owner(nhs_number(7)) == UUID(json.loads(again)["person_id"])
