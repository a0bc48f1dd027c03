"""The key that signs bearer tokens: ``LEDGER_SIGNING_KEY`` from the deployment, else one kept
under ``.ledger/`` (generated on first use, readable only by its owner)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from api.database import DATA_DIR


def signing_key(home: Path = DATA_DIR) -> str:
    """The deployment's token-signing key."""
    provided = os.environ.get("LEDGER_SIGNING_KEY")
    if provided:
        if len(provided) < 32:
            raise ValueError("LEDGER_SIGNING_KEY must be at least 32 characters")
        return provided
    path = home / "signing-key"
    if not path.exists():
        home.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(48))
    return path.read_text().strip()
