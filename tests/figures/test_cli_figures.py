"""``ledger outcomes``: catches the figures up to the end of the log, then prints the HTTP body."""

from __future__ import annotations

import json
import subprocess

from console_script import LEDGER, ledger_env

from tests.figures import borough
from tests.figures.scribe import Scribe


def outcomes(database_url: str, schema: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = ledger_env(database_url, schema)
    command = [LEDGER, "outcomes", *args]
    # our own console script with fixed arguments, not untrusted input
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=60, check=False)


def test_outcomes_exact_covers_everything_appended_before_it(scribe: Scribe, database_url: str,
                                                             schema: str) -> None:
    """With no projector running, --exact still reports April's cmht caseload of 3."""
    borough.build(scribe)
    answer = outcomes(database_url, schema, "caseload", "--from", "2025-04", "--to", "2025-04",
                      "--provider", "cmht", "--exact")
    body = json.loads(answer.stdout)
    assert body == {"metric": "caseload", "suppressed": False, "rows": [
        {"month": "2025-04", "provider_id": "cmht", "count": 3, "suppressed_fields": []}]}


def test_outcomes_refuses_a_bad_month_with_exit_status_2(database_url: str, schema: str) -> None:
    """A month not written YYYY-MM is bad usage."""
    assert outcomes(database_url, schema, "cost", "--from", "2025-4", "--to", "2025-05").returncode == 2


def test_outcomes_refuses_a_provider_not_in_the_directory(scribe: Scribe, database_url: str,
                                                          schema: str) -> None:
    """``--provider`` naming no registered provider is bad usage (exit 2), with a message."""
    borough.build(scribe)
    answer = outcomes(database_url, schema, "caseload", "--from", "2025-04", "--to", "2025-04",
                      "--provider", "ghost", "--exact")
    assert (answer.returncode, answer.stdout) == (2, "")
    assert "'ghost' is not registered" in answer.stderr
