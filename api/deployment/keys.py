"""The deployment's keys, each from its setting or else kept under ``LEDGER_HOME`` (generated once,
readable only by its owner):

* ``signing``: signs bearer tokens (``LEDGER_SIGNING_KEY``, else ``signing-key``);
* ``identity``: turns an NHS number into the id of its claim (``LEDGER_IDENTITY_KEY``, else
  ``identity-key``), so that the stored claim ids cannot be worked back to NHS numbers without it;
* ``master``: wraps every person's key (``LEDGER_MASTER_KEY``, else ``master-key``), so that a key
  read from the database, its write-ahead log or a backup opens nothing without it; it is changed
  by ``ledger rotate-master-key`` (``api.cli.rotate_master_key``).

A key is known to the database only by its fingerprint: an HMAC of a fixed label under the key,
which names the key without revealing it (a plain hash of a key would be a stand-in for it).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from api.settings import Settings, variable_of

FINGERPRINT_LABEL = "care-journey-ledger: the deployment's {name} key, fingerprint v1"


@dataclass(frozen=True)
class KeyPlace:
    """Where one of the deployment's keys is looked for: its setting, then a file in the home."""

    name: str
    field: str
    filename: str

    def found(self, settings: Settings) -> str | None:
        """The key the settings provide, else the one kept in the home, else ``None``."""
        provided = getattr(settings, self.field)
        if provided is not None:
            return str(provided.get_secret_value())
        path = settings.home / self.filename
        return path.read_text().strip() if path.exists() else None

    def kept(self, home: Path) -> str:
        """The key kept in ``home``, generated now if there is none (the first process decides)."""
        path = home / self.filename
        if not path.exists():
            home.mkdir(parents=True, exist_ok=True)
            draft = home / f".{self.filename}.{os.getpid()}"
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

    def where(self, settings: Settings) -> str:
        """Where this key is looked for, as the refusal to start says it."""
        return f"{variable_of(self.field)}, else the file {(settings.home / self.filename).resolve()}"

    def fingerprint(self, key: str) -> str:
        """The key's fingerprint: HMAC-SHA256 of this key's label under the key itself."""
        label = FINGERPRINT_LABEL.format(name=self.name).encode()
        return hmac.new(key.encode(), label, hashlib.sha256).hexdigest()


# One row each in the database's record of its keys.
KEY_PLACES = (
    KeyPlace("signing", "signing_key", "signing-key"),
    KeyPlace("identity", "identity_key", "identity-key"),
    KeyPlace("master", "master_key", "master-key"),
)
MASTER = KEY_PLACES[2]
