"""How every command starts: the settings read from the environment once, by the command line's
callback, kept in typer's context, and the deployment opened from them; or exit 2 saying why."""

from __future__ import annotations

import typer
from pydantic import ValidationError

from api.composition import Deployment, RefusedToStart, open_deployment
from api.settings import Settings, explained

BAD_USAGE = 2


def read_settings() -> Settings:
    """The settings in the environment, or exit 2 naming each variable at fault."""
    try:
        return Settings()
    except ValidationError as error:
        typer.echo(f"ledger: bad settings: {explained(error)}", err=True)
        raise typer.Exit(BAD_USAGE) from None


def settings_of(ctx: typer.Context) -> Settings:
    """The settings the command line's callback read."""
    settings = ctx.obj
    assert isinstance(settings, Settings), "the command line's callback reads the settings"
    return settings


def deployment_of(ctx: typer.Context) -> Deployment:
    """The deployment the settings name, its keys checked; exit 2 saying why it must not start."""
    try:
        return open_deployment(settings_of(ctx))
    except RefusedToStart as error:
        typer.echo(f"ledger: {error}", err=True)
        raise typer.Exit(BAD_USAGE) from None
