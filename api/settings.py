"""The deployment's settings, read from the environment once, at start, and passed down from there.

No other module reads ``os.environ``: the command line reads a ``Settings`` in its callback, the
HTTP app is built from one (``create_app(settings)``), and the composition root
(``api/composition.py``) turns one into the store's settings for the eventsourcing library.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from projections.figures.disclosure import DEFAULT_THRESHOLD

PREFIX = "LEDGER_"
KEY_LENGTH = 32


def long_enough(key: SecretStr) -> SecretStr:
    """A key of at least ``KEY_LENGTH`` characters, else a message saying how to make one."""
    if len(key.get_secret_value()) < KEY_LENGTH:
        raise ValueError(f"must be at least {KEY_LENGTH} characters, e.g. the output of "
                         "python -c 'import secrets; print(secrets.token_urlsafe(48))'")
    return key


Key = Annotated[SecretStr, AfterValidator(long_enough)]
Seconds = Annotated[float, Field(gt=0)]


class Settings(BaseSettings):
    """Every setting of the ledger; each field is the environment variable ``LEDGER_<FIELD>``
    (``DATABASE_URL`` and ``LEDGER_SCHEMA`` excepted, as named by their aliases)."""

    model_config = SettingsConfigDict(env_prefix=PREFIX, env_ignore_empty=True, extra="ignore",
                                      frozen=True, populate_by_name=True)

    database_url: str | None = Field(default=None, validation_alias="DATABASE_URL")
    home: Path = Path(".ledger")
    schema_name: str = Field(default="public", validation_alias="LEDGER_SCHEMA",
                             pattern=r"^[A-Za-z_][A-Za-z0-9_$]{0,62}$")
    pool_size: int = Field(default=8, ge=1)
    pool_overflow: int = Field(default=8, ge=0)
    lock_timeout: int = Field(default=5, ge=1)
    pool_timeout: int = Field(default=5, ge=1)
    connect_timeout: Seconds = 5.0
    statement_timeout: Seconds = 30.0
    request_deadline: Seconds = 60.0
    read_wait_seconds: float = Field(default=5.0, ge=0)
    story_cache_size: int = Field(default=10_000, ge=0)
    erasure_poll_seconds: Seconds = 1.0
    unknown_story_floor: float = Field(default=0.05, ge=0, le=5)
    disclosure_threshold: int = Field(default=DEFAULT_THRESHOLD, ge=1)
    signing_key: Key | None = None
    identity_key: Key | None = None
    master_key: Key | None = None
    self_referral_limit: int = Field(default=5, ge=1)
    self_referral_window: int = Field(default=3600, ge=1)
    refused_read_limit: int = Field(default=20, ge=1)
    refused_read_window: int = Field(default=3600, ge=1)
    oncall_url: str | None = Field(default=None, pattern=r"^https?://[^\s]+$")


def variable_of(field: str) -> str:
    """The environment variable that sets a field of ``Settings``."""
    alias = Settings.model_fields[field].validation_alias
    return alias if isinstance(alias, str) else PREFIX + field.upper()


def variables() -> list[str]:
    """Every environment variable the ledger reads, in the order of ``Settings``' fields."""
    return [variable_of(field) for field in Settings.model_fields]


def explained(error: ValidationError) -> str:
    """A validation error as one line per variable, named as the deployment sets it."""
    lines = []
    for problem in error.errors():
        field = str(problem["loc"][0]) if problem["loc"] else ""
        name = variable_of(field) if field in Settings.model_fields else field
        lines.append(f"{name}: {problem['msg']}")
    return "; ".join(lines)
