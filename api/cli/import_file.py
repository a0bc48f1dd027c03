"""``ledger import FILE``: stream an NDJSON file into the ledger, in bounded memory."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, BinaryIO

import typer
from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

from commands.bulk_import import BulkImport, ImportReport
from commands.line_checking import default_workers

IDLE_SECONDS = "60"  # a batch's transaction may wait this long on a busy machine (library: 5)


def numbered(stream: BinaryIO) -> Iterator[tuple[int, bytes]]:
    """Each line of the stream with its 1-based number."""
    return enumerate(stream, start=1)


def import_stream(env: dict[str, str], stream: BinaryIO, total: int | None, batch_size: int,
                  workers: int = 0) -> ImportReport:
    """Import a stream into the store ``env`` names, its lines checked in ``workers`` processes,
    with a progress bar when standard error is a terminal."""
    from commands import Ledger

    ledger = Ledger(env={**env, "POSTGRES_IDLE_IN_TRANSACTION_SESSION_TIMEOUT": IDLE_SECONDS})
    try:
        importer = BulkImport(ledger, batch_size=batch_size, workers=workers)
        columns = (BarColumn(), DownloadColumn(), TimeRemainingColumn())
        with Progress(*columns, disable=not sys.stderr.isatty(), transient=True) as bar:
            task = bar.add_task("import", total=total)
            return importer.run(numbered(stream), lambda n: bar.advance(task, n))
    finally:
        ledger.close()


def import_command(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(help="NDJSON file, or - for standard input")],
    batch_size: Annotated[int, typer.Option(min=1, max=10_000, help="Events per transaction")] = 1000,
    as_recorded: Annotated[bool, typer.Option(help="Migrated history: each line's recorded_at is "
                                                   "kept as its recording time")] = False,
    workers: Annotated[int | None, typer.Option(min=0, max=32, help="Processes that parse and "
                                                "check lines (0: none; default: cores - 2)")] = None,
) -> None:
    """Append every line of an NDJSON file; report rejected lines with their reasons."""
    from api.cli.starting import deployment_of

    path = Path(file)
    if file != "-" and not path.is_file():
        raise typer.BadParameter(f"no such file: {file}", param_hint="FILE")
    env = deployment_of(ctx).env
    checkers = default_workers() if workers is None else workers
    if as_recorded:
        from api.cli.import_recorded import report_migration

        report_migration(env, sys.stdin.buffer if file == "-" else path)
    if file == "-":
        report = import_stream(env, sys.stdin.buffer, None, batch_size, checkers)
    else:
        with path.open("rb") as stream:
            report = import_stream(env, stream, path.stat().st_size, batch_size, checkers)
    listed = report.listed()
    for number, reason in listed:
        typer.echo(f"line {number}: {reason}", err=True)
    if report.rejected > len(listed):
        typer.echo(f"{report.rejected - len(listed)} more rejected lines not listed", err=True)
    typer.echo(f"appended {report.appended} events; rejected {report.rejected} lines; "
               f"skipped {report.repeated} repeats")
    raise typer.Exit(1 if report.rejected else 0)


def register(cli: typer.Typer) -> None:
    """Add the import command to the command line."""
    cli.command(name="import")(import_command)
