"""`ledger erase` as a user runs it: a real process over the test's own schema."""

from __future__ import annotations

import json
import os
from pathlib import Path
from uuid import uuid4

import pytest
from builders import provider, registration
from console_script import ledger_command

from commands import Ledger

REASON = "asked for erasure in writing"


@pytest.fixture
def cli_env(database_url: str, schema: str, tmp_path: Path) -> dict[str, str]:
    """The environment of a user whose ledger is the test's own schema."""
    return {**os.environ, "DATABASE_URL": database_url, "LEDGER_SCHEMA": schema,
            "LEDGER_HOME": str(tmp_path / ".ledger")}


def test_erase_destroys_the_key_and_answers_its_audit_position(
    ledger: Ledger, cli_env: dict[str, str], env: dict[str, str]
) -> None:
    """Exit 0; the story then reads without the name."""
    ledger.register_provider(provider("hub"))
    person_id = uuid4()
    ledger.register_person(person_id, registration(1))
    answer = ledger_command(["erase", str(person_id), "--actor", "dpo-1", "--reason", REASON], cli_env)
    assert answer.returncode == 0, answer.stderr
    assert json.loads(answer.stdout)["erased"] is True
    with Ledger(env=env) as fresh:
        assert fresh.story(person_id).entries[0].data["given_name"] is None


def test_erasing_an_unknown_person_exits_1(ledger: Ledger, cli_env: dict[str, str]) -> None:
    """Nothing to erase: exit 1, the reason on standard error."""
    answer = ledger_command(["erase", str(uuid4()), "--reason", REASON], cli_env)
    assert answer.returncode == 1
    assert "no story" in answer.stderr
