"""Audit commands: ``ledger verify-chain``."""

from __future__ import annotations

import json

import typer


def verify_chain_command(ctx: typer.Context) -> None:
    """Walk the log's hash chain; exit 1 naming the first event whose link is broken."""
    from api.cli.starting import deployment_of
    from commands import Ledger
    from replay.verify_chain import verify_chain

    ledger = Ledger(env=deployment_of(ctx).env)
    try:
        report = verify_chain(ledger)
    finally:
        ledger.close()
    if report.broken_at is not None:
        typer.echo(json.dumps({"intact": False, "checked": report.events, **report.broken_at}))
        raise typer.Exit(1)
    typer.echo(json.dumps({"intact": True, "events": report.events, "head": report.head}))


def register(cli: typer.Typer) -> None:
    """Add the audit commands to the command line."""
    cli.command(name="verify-chain")(verify_chain_command)
