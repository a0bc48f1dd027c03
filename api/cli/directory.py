"""Providers named on the command line must be in the directory, or the command is bad usage."""

from __future__ import annotations

import typer


def require_registered(provider_id: str, env: dict[str, str], hint: str = "--provider") -> None:
    """Exit with status 2 and a message unless ``provider_id`` is in the ledger's directory."""
    from commands import Ledger
    from ledger.errors import UnknownProvider

    with Ledger(env=env) as ledger:
        try:
            ledger.provider(provider_id)
        except UnknownProvider:
            raise typer.BadParameter(f"{provider_id[:64]!r} is not registered",
                                     param_hint=hint) from None
