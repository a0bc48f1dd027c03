"""``ledger import --as-recorded``: migrated history keeps each line's recording time, in order."""

from __future__ import annotations

import json
from uuid import UUID

from console_script import ledger_command, ledger_env

from commands import Ledger


def simulated(database_url: str, schema: str) -> str:
    """A small borough's lines with their recording times, from ``ledger simulate --recorded``."""
    args = ["simulate", "--people", "20", "--months", "2", "--seed", "3", "--start", "2025-01", "--recorded"]
    done = ledger_command(args, ledger_env(database_url, schema))
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_lines_are_stored_at_their_recording_times(database_url: str, schema: str,
                                                   ledger: Ledger) -> None:
    """Every story entry's recorded_at is its line's recorded_at, not the time of the import."""
    text = simulated(database_url, schema)
    done = ledger_command(["import", "--as-recorded", "-"], ledger_env(database_url, schema), text)
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in text.splitlines()]
    person = next(line for line in lines if line["type"] == "PersonRegistered")["person_id"]
    expected = [line["recorded_at"] for line in lines if line.get("person_id") == person]
    story = ledger.story(UUID(person))
    assert [e.recorded_at.isoformat() for e in story.entries] == expected


def test_a_line_recorded_before_the_one_above_stops_the_import(database_url: str, schema: str) -> None:
    """Recording times may not go backwards: the command names the line and exits 1."""
    lines = simulated(database_url, schema).splitlines()[:30]
    lines[20], lines[25] = lines[25], lines[20]
    early = [json.loads(line)["recorded_at"] for line in lines]
    assert early != sorted(early)
    done = ledger_command(["import", "--as-recorded", "-"], ledger_env(database_url, schema),
                          "\n".join(lines) + "\n")
    assert done.returncode == 1
    assert "recorded before the line above it" in done.stderr
