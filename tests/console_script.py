"""The installed ``ledger`` console script, run as a user runs it: a real process of its own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from api_journeys import SIGNING_KEY

LEDGER = str(Path(sys.executable).with_name("ledger"))


def ledger_command(
    args: list[str], env: dict[str, str], stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``ledger`` with ``args`` in ``env``, feeding it ``stdin``."""
    return subprocess.run([LEDGER, *args], env=env, input=stdin, capture_output=True,
                          text=True, timeout=120, check=False)


def ledger_env(database_url: str, schema: str) -> dict[str, str]:
    """The environment of ``ledger`` run over a test's schema, with the tests' signing key."""
    return {**os.environ, "DATABASE_URL": database_url, "LEDGER_SCHEMA": schema,
            "LEDGER_SIGNING_KEY": SIGNING_KEY}


def ledger_replay(database_url: str, schema: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``ledger replay`` against a test's schema."""
    return ledger_command(["replay", *args], ledger_env(database_url, schema))
