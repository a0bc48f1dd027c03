"""Erasure from the command line: ``ledger erase PERSON_ID --reason TEXT``, the operator's tool.

Over HTTP erasure takes two people (an administrator requests, a privacy officer approves). The
command line stays one step: whoever runs it already holds the database and the deployment's
master key, so a second approval in the same hands would add nothing. It records both steps in the
audit log under the operator's name (role ``cli``), the reason sealed like the HTTP request's.
"""

from __future__ import annotations

import getpass
import json
from typing import Annotated
from uuid import UUID

import typer


def erase_command(
    ctx: typer.Context,
    person_id: Annotated[UUID, typer.Argument(help="The person whose identifying details to erase")],
    reason: Annotated[str, typer.Option(help="Why the erasure is due (sealed, then erased)")],
    actor: Annotated[str | None, typer.Option(help="Who erases (default: the OS user)")] = None,
) -> None:
    """Destroy a person's key: their identifying details and free text become unreadable."""
    from api.cli.starting import deployment_of
    from commands import Ledger
    from commands.audit_log import AuditLog
    from commands.erasure_requests import request_erasure
    from ledger.errors import UnknownPerson

    env = deployment_of(ctx).env
    with Ledger(env=env) as ledger, AuditLog(env=env) as audit_log:
        try:
            operator = actor or getpass.getuser()
            request = request_erasure(ledger, audit_log, person_id, operator, "cli", reason)
            position = ledger.erase_identity(person_id, audit_log, operator, "cli",
                                             {"request": request, "requested_by": operator})
        except UnknownPerson as error:
            typer.echo(json.dumps({"erased": False, "error": error.message}), err=True)
            raise typer.Exit(1) from None
    typer.echo(json.dumps({"erased": True, "person_id": str(person_id), "audit_position": position}))


def register(cli: typer.Typer) -> None:
    """Add the erasure command to the command line."""
    cli.command(name="erase")(erase_command)
