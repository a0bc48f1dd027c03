"""The settings: read from the environment, checked with messages naming the variable at fault
(no PostgreSQL needed)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from api.settings import Settings, explained

LEDGER = str(Path(sys.executable).with_name("ledger"))


def refusal(**values: object) -> str:
    """The explained validation error of settings built from ``values``."""
    with pytest.raises(ValidationError) as refused:
        Settings(**values)  # type: ignore[arg-type]
    return explained(refused.value)


def test_a_short_key_is_refused_naming_its_variable() -> None:
    """A 31-character identity key names LEDGER_IDENTITY_KEY and the length it needs."""
    assert refusal(identity_key="k" * 31).startswith("LEDGER_IDENTITY_KEY: Value error, must be at least 32")


def test_a_bad_number_is_refused_naming_its_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pool size of zero from the environment names LEDGER_POOL_SIZE."""
    monkeypatch.setenv("LEDGER_POOL_SIZE", "0")
    assert refusal().startswith("LEDGER_POOL_SIZE: Input should be greater than or equal to 1")


def test_the_environment_is_read_under_the_project_names(monkeypatch: pytest.MonkeyPatch) -> None:
    """DATABASE_URL, LEDGER_SCHEMA and LEDGER_* variables set the fields; an empty one is unset."""
    monkeypatch.setenv("DATABASE_URL", "")
    monkeypatch.setenv("LEDGER_SCHEMA", "borough")
    monkeypatch.setenv("LEDGER_READ_WAIT_SECONDS", "0.5")
    settings = Settings()
    assert (settings.database_url, settings.schema_name, settings.read_wait_seconds) == (None, "borough", 0.5)


def test_keys_never_show_in_the_settings_repr() -> None:
    """Secrets print as stars."""
    assert "k" * 40 not in repr(Settings(signing_key="k" * 40))  # type: ignore[arg-type]


def test_a_command_with_a_bad_setting_exits_2_before_doing_anything() -> None:
    """``ledger token`` with a short signing key: exit 2, the variable named on standard error."""
    env = {**os.environ, "LEDGER_SIGNING_KEY": "too-short"}
    answer = subprocess.run([LEDGER, "token", "--role", "admin"], env=env, capture_output=True, text=True,
                            timeout=60, check=False)
    assert (answer.returncode, answer.stdout) == (2, "")
    assert "LEDGER_SIGNING_KEY: Value error, must be at least 32 characters" in answer.stderr
