"""`ledger token --role person`: issued only when the person's details match their story, audited
without personal data."""

from __future__ import annotations

import os
from pathlib import Path
from uuid import UUID, uuid4

import pytest
from builders import nhs_number, provider, registration
from console_script import ledger_command

from api.http.tokens import verify
from commands import Ledger
from commands.audit_log import AuditLog

KEY = "person-token-test-key-" + "x" * 32


@pytest.fixture
def cli_env(database_url: str, schema: str, tmp_path: Path) -> dict[str, str]:
    """The environment of a Hub operator whose ledger is the test's own schema."""
    return {**os.environ, "DATABASE_URL": database_url, "LEDGER_SCHEMA": schema,
            "LEDGER_HOME": str(tmp_path / ".ledger"), "LEDGER_SIGNING_KEY": KEY}


@pytest.fixture
def person_id(ledger: Ledger) -> UUID:
    """A person registered by the hub, born 1990-04-01."""
    ledger.register_provider(provider("hub"))
    found = uuid4()
    ledger.register_person(found, registration(1))
    return found


def issue(person_id: UUID, cli_env: dict[str, str], *extra: str) -> tuple[int, str]:
    answer = ledger_command(["token", "--role", "person", "--person", str(person_id),
                             "--staff", "hub-7", *extra], cli_env)
    return answer.returncode, answer.stdout.strip()


def test_a_matching_birth_date_issues_a_token_for_that_story(person_id: UUID,
                                                              cli_env: dict[str, str]) -> None:
    """The token names the story, lives an hour, and opens nothing else."""
    code, token = issue(person_id, cli_env, "--birth-date", "1990-04-01")
    assert code == 0
    caller = verify(token, KEY)
    assert (caller.role, caller.person_id, caller.provider_id) == ("person", person_id, None)


def test_a_wrong_birth_date_issues_nothing(person_id: UUID, cli_env: dict[str, str]) -> None:
    """Exit 2 (bad usage) and no token printed."""
    code, out = issue(person_id, cli_env, "--birth-date", "1990-04-02")
    assert (code, out) == (2, "")


def test_a_wrong_nhs_number_issues_nothing(person_id: UUID, cli_env: dict[str, str]) -> None:
    """The NHS number, when given, must match too."""
    code, _ = issue(person_id, cli_env, "--birth-date", "1990-04-01", "--nhs-number", nhs_number(2))
    assert code == 2


def test_the_issue_is_audited_without_personal_data(person_id: UUID, cli_env: dict[str, str],
                                                    env: dict[str, str]) -> None:
    """One audit entry by the Hub staff member, naming the story and the token, no birth date."""
    _, token = issue(person_id, cli_env, "--birth-date", "1990-04-01", "--link", "http://x")
    with AuditLog(env=env) as audit:
        entries = audit.entries()
    assert [(e.actor, e.action, e.details["person_id"]) for e in entries] == [
        ("hub-7", "person_token_issued", str(person_id))]
    assert token.startswith("http://x/my-story#token=")
    assert "1990" not in str(entries[0].details)
