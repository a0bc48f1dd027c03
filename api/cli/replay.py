"""``ledger replay``: rebuild the figures from the log in a scratch schema, verify, audit itself.

Standard output carries the JSON summary (events, seconds, rate, differences); the progress bar
and a readable account go to standard error, the bar only on a terminal.
"""

from __future__ import annotations

import getpass
import json
from datetime import datetime
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeRemainingColumn

from projections.figures.outcomes import Question
from replay.rebuild import PROJECTIONS
from replay.run import ReplayOutcome, ReplayRequest


def instant(value: str | None, hint: str = "--as-of") -> datetime | None:
    """An ISO 8601 instant with an offset (``Z`` allowed); bad usage otherwise."""
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter("an ISO 8601 instant, e.g. 2025-03-01T00:00:00Z", param_hint=hint) from None
    if parsed.tzinfo is None:
        raise typer.BadParameter("give the instant's offset, e.g. Z or +01:00", param_hint=hint)
    return parsed


def replay_command(
    ctx: typer.Context,
    as_of: Annotated[str | None, typer.Option(help="Only events recorded at or before this instant")] = None,
    verify: Annotated[bool, typer.Option(help="Compare with the live figures; exit 1 if they differ")]
    = False,
    projection: Annotated[str, typer.Option(help=f"The projection to rebuild: {', '.join(PROJECTIONS)}")]
    = "figures",
    figures: Annotated[bool, typer.Option(help="With --verify, compare the figures as well as facts")] = True,
    keep: Annotated[bool, typer.Option(help="Keep the scratch schema to look inside")] = False,
    actor: Annotated[str | None, typer.Option(help="Who runs the replay (default: the OS user)")] = None,
    batch_size: Annotated[int, typer.Option(min=1, max=50_000, help="Events per transaction")] = 5000,
) -> None:
    """Rebuild every projection from the log into a scratch schema (and verify it against the live one)."""
    from api.cli.starting import deployment_of
    from commands.audit_log import AuditLog
    from replay.run import replay

    if projection not in PROJECTIONS:
        raise typer.BadParameter(f"one of {', '.join(PROJECTIONS)}", param_hint="--projection")
    request = ReplayRequest(instant(as_of), verify, figures, keep, batch_size)
    env = deployment_of(ctx).env
    console = Console(stderr=True)
    with _bar(console) as bar:
        tasks: dict[str, TaskID] = {}

        def progress(name: str, position: int, head: int) -> None:
            task = tasks.setdefault(name, bar.add_task(name, total=head))
            bar.update(task, completed=position)

        outcome = replay(env, request, progress=progress)
    _account(console, outcome, request)
    with AuditLog(env=env) as audit_log:
        audit_log.record(actor or getpass.getuser(), "cli", "replay", _audited(outcome, request))
    typer.echo(json.dumps(outcome.as_answer(request), indent=2))
    if verify and outcome.differences:
        raise typer.Exit(1)


def _bar(console: Console) -> Progress:
    return Progress(TextColumn("replaying {task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeRemainingColumn(), console=console, transient=True,
                    disable=not console.is_terminal)


def _account(console: Console, outcome: ReplayOutcome, request: ReplayRequest) -> None:
    report = outcome.report
    console.print(f"replayed {report.events:,} events in {report.seconds:.1f} s "
                  f"({report.rate:,.0f} events/s)")
    for difference in outcome.differences:
        d = difference
        console.print(f"[red]differs[/red] {d.table} {d.key} {d.column or 'row'}: "
                      f"live {d.live!r}, rebuilt {d.rebuilt!r}", highlight=False)
    if request.verify and not outcome.differences:
        compared = "facts and figures" if request.figures else "facts"
        console.print(f"[green]the rebuilt {compared} equal the live ones[/green]")


def _audited(outcome: ReplayOutcome, request: ReplayRequest) -> dict[str, object]:
    return {"as_of": request.as_of.isoformat() if request.as_of else None, "verify": request.verify,
            "events": outcome.report.events, "differences": len(outcome.differences),
            "kept_schema": outcome.kept_schema}


def audit_as_of(env: dict[str, str], question: Question, start: str, end: str) -> None:
    """Record ``ledger outcomes --as-of`` in the audit log, under the OS user's name."""
    from commands.audit_log import AuditLog

    assert question.as_of is not None
    asked = {"metric": question.metric, "from": start, "to": end, "provider": question.provider,
             "as_of": question.as_of.isoformat()}
    with AuditLog(env=env) as audit_log:
        audit_log.record(getpass.getuser(), "cli", "as_of_outcomes", asked)


def register(cli: typer.Typer) -> None:
    """Add ``ledger replay`` to the command line."""
    cli.command(name="replay")(replay_command)
