"""The ``ledger`` command line: serve, token, import (and the figures' commands)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated
from uuid import UUID

import typer

from api.cli.serving_choices import EventLoop, HttpParser
from api.cli.starting import deployment_of, read_settings
from api.http.tokens import Caller, Role, mint

cli = typer.Typer(no_args_is_help=True, add_completion=False,
                  help="The care-journey ledger: one story per person, figures from the log.")


@cli.callback()
def start(ctx: typer.Context) -> None:
    """Read the settings from the environment, once, for whichever command runs."""
    ctx.obj = read_settings()


@cli.command()
def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on")] = 8000,
    demo: Annotated[bool, typer.Option(help="Load a simulated borough if the ledger is empty")] = False,
    projections: Annotated[bool, typer.Option(help="Follow the log in-process")] = True,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Server processes (one follows the "
                                         "log at a time); see README")] = 1,
    http: Annotated[HttpParser, typer.Option(help="Request parser: httptools (C) or h11 (pure "
                                             "Python)")] = HttpParser.HTTPTOOLS,
    loop: Annotated[EventLoop, typer.Option(help="Event loop: uvloop or asyncio")] = EventLoop.UVLOOP,
) -> None:
    """Serve the HTTP API."""
    from api.cli.serving import serve as serve_http
    from api.composition import configure_logging

    configure_logging()
    deployment = deployment_of(ctx)  # refuses here, before serving, when the keys differ
    if demo:
        from api.cli.demo import load_demo, sign_in_sheet
        from api.cli.demo_key_worker import busiest_key_worker
        from commands import Ledger
        from commands.audit_log import AuditLog

        with Ledger(env=deployment.env) as ledger, AuditLog(env=deployment.env) as audit_log:
            load_demo(ledger, audit_log)
            key_worker = busiest_key_worker(ledger)
        typer.echo(sign_in_sheet(f"http://{host}:{port}", deployment.signing_key, key_worker))
    serve_http(deployment.settings, host, port, workers, projections, http, loop)


@cli.command()
def token(
    ctx: typer.Context,
    role: Annotated[Role, typer.Option(help="provider, key_worker, analyst, commissioner, admin, "
                                            "privacy_officer, person")],
    provider: Annotated[str | None, typer.Option(help="The provider (provider, key_worker)")] = None,
    staff: Annotated[str, typer.Option(help="The staff member")] = "staff-1",
    hours: Annotated[float | None, typer.Option(
        help="Lifetime in hours (at most 12; privacy officer 8; admin and person 1)")] = None,
    person: Annotated[UUID | None, typer.Option(help="The person's story (role person)")] = None,
    birth_date: Annotated[datetime | None, typer.Option(
        formats=["%Y-%m-%d"], help="The person's birth date, checked against the story (person)")] = None,
    nhs_number: Annotated[str | None, typer.Option(help="The person's NHS number, checked too")] = None,
    link: Annotated[str | None, typer.Option(help="Print a sign-in link at this base URL (person)")] = None,
) -> None:
    """Print a bearer token for a role, signed with the deployment's key (its provider must be in
    the directory). A person's token is issued by Hub staff (``--staff``) after checking who the
    person is: their birth date (and NHS number, if given) must match the story; its issue is
    audited."""
    if role == "person":
        from api.cli.person_token import check_person, issue

        if person is None or birth_date is None:
            raise typer.BadParameter("role person needs --person and --birth-date", param_hint="--person")
        deployment = deployment_of(ctx)
        check_person(deployment.env, person, birth_date.date(), nhs_number)
        typer.echo(issue(deployment.env, deployment.signing_key, person, staff, hours, link))
        return
    if role in ("provider", "key_worker") and provider is None:
        raise typer.BadParameter("role provider and key_worker need --provider", param_hint="--provider")
    if role not in ("provider", "key_worker") and provider is not None:
        raise typer.BadParameter(f"role {role} belongs to no provider", param_hint="--provider")
    if hours is not None and not 0 < hours < float("inf"):
        raise typer.BadParameter("a positive number of hours", param_hint="--hours")
    deployment = deployment_of(ctx)
    if provider is not None:
        require_registered(provider, deployment.env)
    try:
        caller = Caller(role=role, provider_id=provider, staff_id=staff)
    except ValueError as error:  # pydantic's ValidationError: a staff id that is not an identifier
        raise typer.BadParameter(str(error).splitlines()[-1], param_hint="--staff") from None
    lifetime = timedelta(hours=hours) if hours is not None else None
    try:
        typer.echo(mint(caller, deployment.signing_key, lifetime))
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--hours") from None


def require_registered(provider_id: str, env: dict[str, str], hint: str = "--provider") -> None:
    """Bad usage (exit 2, with a message) unless ``provider_id`` is in the ledger's directory."""
    from commands import Ledger
    from ledger.errors import UnknownProvider

    with Ledger(env=env) as ledger:
        try:
            ledger.provider(provider_id)
        except UnknownProvider:
            raise typer.BadParameter(f"{provider_id[:64]!r} is not registered",
                                     param_hint=hint) from None


def main() -> None:
    """Entry point of the ``ledger`` console script."""
    from api.cli import (
        erase,
        figures,
        import_file,
        replay,
        rotate_master_key,
        send_alerts,
        simulate,
        verify_chain,
    )

    for command in (import_file, simulate, figures, verify_chain, replay, erase, rotate_master_key,
                    send_alerts):
        command.register(cli)
    cli()
