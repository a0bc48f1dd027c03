"""The deployment's secrets, each from its environment variable or else kept under ``.ledger/``
(generated once, readable only by its owner):

* the key that signs bearer tokens (``LEDGER_SIGNING_KEY``);
* the key that turns an NHS number into the id of its claim (``LEDGER_IDENTITY_KEY``), so that
  the stored claim ids cannot be worked back to NHS numbers without it.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from api.database import DATA_DIR


def kept_secret(variable: str, filename: str, home: Path = DATA_DIR) -> str:
    """The secret the deployment provides in ``variable``, else the one kept in ``home``."""
    provided = os.environ.get(variable)
    if provided:
        if len(provided) < 32:
            raise ValueError(f"{variable} must be at least 32 characters")
        return provided
    path = home / filename
    if not path.exists():
        home.mkdir(parents=True, exist_ok=True)
        draft = home / f".{filename}.{os.getpid()}"
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(48))
        try:
            os.link(draft, path)  # atomic: the first process to get here decides the key
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    return path.read_text().strip()


def signing_key(home: Path = DATA_DIR) -> str:
    """The deployment's token-signing key."""
    return kept_secret("LEDGER_SIGNING_KEY", "signing-key", home)


def identity_key(home: Path = DATA_DIR) -> str:
    """The deployment's key for NHS-number claim ids."""
    return kept_secret("LEDGER_IDENTITY_KEY", "identity-key", home)
