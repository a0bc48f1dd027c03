"""``ledger rotate-master-key``: every live person key re-wrapped under a new master key.

Run it with every server of the deployment stopped (a running server would go on wrapping new
keys under the old master key). In one transaction it re-wraps each live key and records the new
key's fingerprint, so the next start accepts only the new key; a wrapped key read afterwards from
an old page, the write-ahead log or a backup no longer opens. The new key comes from
``--new-key-file``, else is generated; when the master key lives in ``LEDGER_HOME/master-key`` the
file is replaced, else the command says where the new key is, for ``LEDGER_MASTER_KEY``.
"""

from __future__ import annotations

import getpass
import json
import os
import secrets
from pathlib import Path
from typing import Annotated

import typer


def rotate_command(
    ctx: typer.Context,
    new_key_file: Annotated[Path | None, typer.Option(help="A file holding the new master key "
                                                           "(default: generate one)")] = None,
    actor: Annotated[str | None, typer.Option(help="Who rotates (default: the OS user)")] = None,
) -> None:
    """Re-wrap every person key under a new master key; keys copied before then stop opening."""
    from api.cli.starting import BAD_USAGE, deployment_of, settings_of
    from api.deployment.key_binding import record_new_key
    from api.deployment.keys import MASTER
    from commands import Ledger
    from commands.audit_log import AuditLog
    from commands.key_rotation import rewrap
    from commands.key_wrapping import MasterKey

    deployment = deployment_of(ctx)  # the current master key, checked against the database
    old = deployment.settings.master_key
    assert old is not None, "opened deployments have their keys"
    new = new_key_file.read_text().strip() if new_key_file else secrets.token_urlsafe(48)
    if len(new) < 32 or new == old.get_secret_value():
        typer.echo("ledger: the new master key must differ from the old and have 32 characters",
                   err=True)
        raise typer.Exit(BAD_USAGE)
    home = settings_of(ctx).home
    home.mkdir(parents=True, exist_ok=True)
    in_file = settings_of(ctx).master_key is None
    draft = home / f".{MASTER.filename}.next"
    if new_key_file is None or in_file:
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(new)
    with Ledger(env=deployment.env) as ledger:
        keys = ledger.person_keys
        try:
            with keys.datastore.transaction(commit=True) as curs:
                count = rewrap(keys, curs, MasterKey(old.get_secret_value()), MasterKey(new))
                record_new_key(curs, deployment.settings, MASTER, new)
        except ValueError as error:
            typer.echo(f"ledger: {error}", err=True)
            raise typer.Exit(1) from None
    if in_file:
        os.replace(draft, home / MASTER.filename)
    where = (str(home / MASTER.filename) if in_file else
             f"set LEDGER_MASTER_KEY to the key in {new_key_file or draft} before the next start")
    with AuditLog(env=deployment.env) as audit_log:
        audit_log.record(actor or getpass.getuser(), "cli", "rotate_master_key", {"rewrapped": count})
    typer.echo(json.dumps({"rotated": True, "rewrapped": count, "master_key": where}))


def register(cli: typer.Typer) -> None:
    """Add the rotation command to the command line."""
    cli.command(name="rotate-master-key")(rotate_command)
