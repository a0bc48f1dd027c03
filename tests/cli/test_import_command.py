"""`ledger import` and `ledger token` as a user runs them: a real process, real PostgreSQL."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from console_script import ledger_command

from api.http.tokens import verify

WHEN = "2025-01-06T09:00:00+00:00"
HUB = {"type": "ProviderRegistered", "provider_id": "hub", "occurred_at": WHEN,
       "data": {"name": "Hub", "tier": "community", "service": "hub", "unit_cost_gbp": "38.00"}}


@pytest.fixture
def cli_env(database_url: str, schema: str, tmp_path: Path) -> dict[str, str]:
    """The environment of a user whose ledger is the test's own schema."""
    return {**os.environ, "DATABASE_URL": database_url, "LEDGER_SCHEMA": schema,
            "LEDGER_HOME": str(tmp_path / ".ledger")}


def test_import_reports_appended_events_and_exits_zero(cli_env: dict[str, str], tmp_path: Path) -> None:
    """A clean file imports with exit status 0."""
    path = tmp_path / "borough.ndjson"
    path.write_text(json.dumps(HUB) + "\n")
    result = ledger_command(["import", str(path)], cli_env)
    assert (result.returncode, result.stdout.strip()) == (
        0, "appended 1 events; rejected 0 lines; skipped 0 repeats")


def test_import_reports_rejected_lines_and_exits_one(cli_env: dict[str, str]) -> None:
    """Rejected lines are listed with their numbers on standard error."""
    result = ledger_command(["import", "-"], cli_env, stdin=json.dumps(HUB) + "\n{oops\n")
    assert result.returncode == 1
    assert result.stderr.startswith("line 2: line: not valid JSON")


def test_import_of_a_missing_file_is_bad_usage(cli_env: dict[str, str]) -> None:
    """Exit status 2 for bad usage."""
    assert ledger_command(["import", "/no/such/file.ndjson"], cli_env).returncode == 2


def test_token_prints_a_token_signed_with_the_kept_key(cli_env: dict[str, str]) -> None:
    """The token verifies with the key kept under LEDGER_HOME."""
    ledger_command(["import", "-"], cli_env, stdin=json.dumps(HUB) + "\n")
    result = ledger_command(["token", "--role", "provider", "--provider", "hub"], cli_env)
    key = (Path(cli_env["LEDGER_HOME"]) / "signing-key").read_text().strip()
    caller = verify(result.stdout.strip(), key)
    assert (caller.role, caller.provider_id) == ("provider", "hub")


def test_token_for_a_provider_role_needs_a_provider(cli_env: dict[str, str]) -> None:
    """Role provider without --provider is bad usage."""
    assert ledger_command(["token", "--role", "key_worker"], cli_env).returncode == 2


def test_token_for_a_provider_not_in_the_directory_is_refused(cli_env: dict[str, str]) -> None:
    """A token naming an unregistered provider is bad usage (exit 2), with a message saying so."""
    result = ledger_command(["token", "--role", "provider", "--provider", "ghost"], cli_env)
    assert (result.returncode, result.stdout) == (2, "")
    assert "'ghost' is not registered" in result.stderr
