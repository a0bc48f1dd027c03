"""The alert sender: ``ledger send-alerts`` drains the outbox of urgent self-referrals' alerts to
the Hub's on-call list (``LEDGER_ONCALL_URL``), at least once each, with the alert's id as
``Idempotency-Key`` so that the on-call list can drop a repeat. Alerts carry no personal data."""

from __future__ import annotations

import json
import time
import urllib.request
from collections.abc import Callable
from typing import Annotated

import typer

from commands.alert_outbox import Alert

TIMEOUT_SECONDS = 10
MESSAGE = "An urgent self-referral awaits the Hub's intake: open /intake and call the person back."


def poster(url: str) -> Callable[[Alert], None]:
    """A sender that posts each alert to the on-call list; any answer but 2xx is a failure."""
    def send(alert: Alert) -> None:
        body = {"alert_id": str(alert.alert_id), "kind": "urgent_self_referral",
                "reference": alert.reference, "raised_at": alert.raised_at.isoformat(),
                "message": MESSAGE}
        headers = {"Content-Type": "application/json", "Idempotency-Key": str(alert.alert_id)}
        # The URL is http(s) only: ``Settings.oncall_url`` refuses any other scheme.
        request = urllib.request.Request(url, json.dumps(body).encode(), headers)  # noqa: S310
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as answer:  # noqa: S310
            if not 200 <= answer.status < 300:
                raise OSError(f"the on-call list answered {answer.status}")
    return send


def send_alerts_command(
    ctx: typer.Context,
    once: Annotated[bool, typer.Option(help="Drain the outbox once and stop")] = False,
    interval: Annotated[float, typer.Option(help="Seconds between drains when following")] = 15.0,
) -> None:
    """Send the alerts of urgent self-referrals to the Hub's on-call list; exit 1 if one failed
    (with --once; it stays in the outbox for the next drain)."""
    from api.cli.starting import BAD_USAGE, deployment_of, settings_of
    from commands.intake import Intake

    url = settings_of(ctx).oncall_url
    if url is None:
        typer.echo("ledger: LEDGER_ONCALL_URL: not set; alerts have nowhere to go", err=True)
        raise typer.Exit(BAD_USAGE)
    intake = Intake(env=deployment_of(ctx).env)
    send = poster(url)
    try:
        while True:
            sent, failed = intake.intake_recorder.outbox.drain(send)
            waiting = intake.intake_recorder.outbox.unsent()
            typer.echo(json.dumps({"sent": sent, "failed": failed, "waiting": waiting}))
            if once:
                break
            time.sleep(interval)
    finally:
        intake.close()
    if failed:
        raise typer.Exit(1)


def register(cli: typer.Typer) -> None:
    """Add the alert sender to the command line."""
    cli.command(name="send-alerts")(send_alerts_command)
