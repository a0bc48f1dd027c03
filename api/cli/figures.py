"""``ledger outcomes`` (figures as JSON, caught up to the end of the log first) and
``ledger project`` (the projection worker: catch up in batches, then follow the log)."""

from __future__ import annotations

import contextlib
import json
import signal
from typing import Annotated, Any

import typer

from projections.figures.outcomes import METRICS, Question, known_metric, outcomes
from projections.month_range import MonthRangeRefused, month_range, optional_range


def _metric(name: str) -> str:
    """A metric the figures know (``METRICS``, the API's list too); bad usage otherwise."""
    try:
        return known_metric(name)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None


def outcomes_command(
    ctx: typer.Context,
    metric: Annotated[str, typer.Argument(help=", ".join(METRICS), callback=_metric)],
    start: Annotated[str, typer.Option("--from", help="First month, YYYY-MM")],
    end: Annotated[str, typer.Option("--to", help="Last month, YYYY-MM")],
    provider: Annotated[str | None, typer.Option(help="Only this provider's rows")] = None,
    baseline_from: Annotated[str | None, typer.Option(help="First baseline month")] = None,
    baseline_to: Annotated[str | None, typer.Option(help="Last baseline month")] = None,
    exact: Annotated[bool, typer.Option(help="Skip disclosure control, as for an analyst")] = False,
    as_of: Annotated[str | None, typer.Option(help="The figures as known at this instant")] = None,
) -> None:
    """Print a metric's figures as JSON (the HTTP body), after catching up with the log."""
    from api.cli.main import require_registered
    from api.cli.replay import audit_as_of, instant
    from api.cli.starting import deployment_of
    from projections.facts.runner import FiguresRunner

    try:
        first, last = month_range(start, end, ("--from", "--to"))
        baseline = optional_range(baseline_from, baseline_to, ("--baseline-from", "--baseline-to"))
    except MonthRangeRefused as refusal:
        raise typer.BadParameter(refusal.reason, param_hint=refusal.field) from None
    question = Question(metric, first, last, provider, baseline, instant(as_of))
    deployment = deployment_of(ctx)
    if provider is not None:
        require_registered(provider, deployment.env)
    runner = FiguresRunner(deployment.env)
    try:
        runner.catch_up()
        body: dict[str, Any] = outcomes(runner.view, question, is_exact=exact,
                                        threshold=deployment.settings.disclosure_threshold)
    finally:
        runner.stop()
    if question.as_of is not None:
        audit_as_of(deployment.env, question, start, end)
    typer.echo(json.dumps(body, indent=2))


def project_command(
    ctx: typer.Context,
    once: Annotated[bool, typer.Option(help="Catch up and exit instead of following")] = False,
    batch_size: Annotated[int, typer.Option(min=1, max=20_000, help="Events per transaction")] = 1000,
) -> None:
    """Run the projection worker: catch up in batches, then follow new events until stopped."""
    from api.cli.starting import deployment_of
    from projections.facts.runner import FiguresRunner

    runner = FiguresRunner(deployment_of(ctx).env, batch_size=batch_size)
    try:
        if once:
            typer.echo(json.dumps(runner.catch_up()))
            return
        signal.signal(signal.SIGTERM, lambda *_: runner.stop_following())
        with contextlib.suppress(KeyboardInterrupt):
            runner.follow()
    finally:
        runner.stop()


def register(cli: typer.Typer) -> None:
    """Add the figures' commands to the command line."""
    cli.command(name="outcomes")(outcomes_command)
    cli.command(name="project")(project_command)
