"""``ledger import --as-recorded FILE``: history migrated from another system, each line stored at
the time it was first recorded there (its ``recorded_at``), in order, and marked as a migration.

Each line is the import format plus ``"recorded_at"`` (an ISO 8601 instant with its offset, no
earlier than the line above's and not in the future), as ``ledger simulate --recorded`` writes.
Only an operator runs it: it is a command, never a route, and care relationships are not asked
(as for any import). See ``commands.migrated_import``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from commands.migrated_import import MigratedImport, RecordedLine
from ledger.errors import InvalidEvent


def recorded(stream: BinaryIO) -> Iterator[RecordedLine]:
    """Each non-blank line's recording time and the line without it."""
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        try:
            fields = json.loads(raw)
            when = datetime.fromisoformat(fields.pop("recorded_at"))
        except (ValueError, KeyError, TypeError, AttributeError):
            raise InvalidEvent(f"line {number}: recorded_at: an ISO 8601 instant is required",
                               "recorded_at") from None
        if when.tzinfo is None:
            raise InvalidEvent(f"line {number}: recorded_at: give its offset", "recorded_at")
        yield when, json.dumps(fields)


def import_recorded(env: dict[str, str], stream: BinaryIO) -> MigratedImport:
    """Import the stream as migrated history; answers the importer (its counts and rejections)."""
    from commands import Ledger
    from commands.audit_log import AuditLog

    with Ledger(env=env) as ledger, AuditLog(env=env) as audit_log:
        importer = MigratedImport(ledger, audit_log)
        importer.run(recorded(stream), operator="ledger import --as-recorded")
    return importer


def report_migration(env: dict[str, str], source: BinaryIO | Path) -> None:
    """Run the import, say how it went, and exit 1 if any line was refused."""
    import typer

    try:
        if isinstance(source, Path):
            with source.open("rb") as stream:
                importer = import_recorded(env, stream)
        else:
            importer = import_recorded(env, source)
    except InvalidEvent as refusal:
        typer.echo(refusal.message, err=True)
        raise typer.Exit(1) from None
    for number, reason in sorted(importer.rejections):
        typer.echo(f"line {number}: {reason}", err=True)
    typer.echo(f"appended {importer.appended} events as recorded; rejected "
               f"{len(importer.rejections)} lines")
    raise typer.Exit(1 if importer.rejections else 0)
