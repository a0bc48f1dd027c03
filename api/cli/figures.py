"""``ledger outcomes`` (figures as JSON, caught up to the end of the log first) and
``ledger project`` (the projection worker: catch up in batches, then follow the log)."""

from __future__ import annotations

import contextlib
import json
import signal
from typing import Annotated, Any

import typer

from projections.calendar import Month
from projections.figures.outcomes import METRICS, Question, outcomes


def _month(value: str | None, hint: str) -> Month | None:
    if value is None:
        return None
    try:
        return Month.parse(value)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint=hint) from None


def outcomes_command(
    metric: Annotated[str, typer.Argument(help=", ".join(METRICS))],
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
    from api.database import database_url, store_env
    from api.http.figures_runner import disclosure_threshold
    from projections.facts.runner import FiguresRunner

    if metric not in METRICS:
        raise typer.BadParameter(f"one of {', '.join(METRICS)}", param_hint="METRIC")
    first, last = _month(start, "--from"), _month(end, "--to")
    assert first is not None and last is not None  # noqa: PT018 - both options are required
    if last < first:
        raise typer.BadParameter("the last month comes before the first", param_hint="--to")
    base = (_month(baseline_from, "--baseline-from"), _month(baseline_to, "--baseline-to"))
    if (base[0] is None) != (base[1] is None):
        raise typer.BadParameter("give both or neither", param_hint="--baseline-from/--baseline-to")
    baseline = (base[0], base[1]) if base[0] is not None and base[1] is not None else None
    question = Question(metric, first, last, provider, baseline, instant(as_of))
    env = store_env(database_url())
    if provider is not None:
        require_registered(provider, env)
    runner = FiguresRunner(env)
    try:
        runner.catch_up()
        body: dict[str, Any] = outcomes(runner.view, question, is_exact=exact,
                                        threshold=disclosure_threshold())
    finally:
        runner.stop()
    if question.as_of is not None:
        audit_as_of(question, start, end)
    typer.echo(json.dumps(body, indent=2))


def project_command(
    once: Annotated[bool, typer.Option(help="Catch up and exit instead of following")] = False,
    batch_size: Annotated[int, typer.Option(min=1, max=20_000, help="Events per transaction")] = 1000,
) -> None:
    """Run the projection worker: catch up in batches, then follow new events until stopped."""
    from api.database import database_url, store_env
    from projections.facts.runner import FiguresRunner

    runner = FiguresRunner(store_env(database_url()), batch_size=batch_size)
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
