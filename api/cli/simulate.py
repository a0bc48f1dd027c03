"""``ledger simulate``: a simulated borough written to standard output in the import format."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn


def simulate_command(
    people: Annotated[int, typer.Option(min=0, help="People who come forward")],
    months: Annotated[int, typer.Option(min=1, help="Months simulated")],
    seed: Annotated[int, typer.Option(help="Seed: the same seed gives the same bytes")],
    start: Annotated[str, typer.Option(help="First month, YYYY-MM")] = "2024-01",
    switch_month: Annotated[int | None, typer.Option(help="Months in when the Hub opens")] = None,
    recorded: Annotated[bool, typer.Option(help="Add each line's recorded_at (for ledger import "
                                                "--as-recorded)")] = False,
    keys: Annotated[bool, typer.Option(help="Give each line a stable idempotency_key (from the "
                                            "seed and its place), so a re-import adds nothing")] = True,
) -> None:
    """Write a simulated borough's events, one JSON line each, to standard output."""
    from simulation.stream import keyed_lines, recorded_lines, with_recorded_at

    try:
        stream = recorded_lines(people, months, seed, start, switch_month)
        timed = keyed_lines(stream, seed) if keys else stream
        lines = with_recorded_at(timed) if recorded else (line for _, line in timed)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None
    out = sys.stdout
    columns = (BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, disable=not sys.stderr.isatty(), transient=True,
                  console=None) as bar:
        task = bar.add_task("simulate", total=None)
        for count, line in enumerate(lines, start=1):
            out.write(line)
            out.write("\n")
            if count % 10_000 == 0:
                bar.update(task, completed=count)
    out.flush()


def register(cli: typer.Typer) -> None:
    """Add the simulate command to the command line."""
    cli.command(name="simulate")(simulate_command)
