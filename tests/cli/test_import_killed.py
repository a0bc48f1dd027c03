"""`ledger import` killed (SIGKILL) mid-file, then run again: exactly the missing lines land."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path
from uuid import UUID

import psycopg
from console_script import LEDGER, ledger_command, ledger_env

WHEN = "2025-01-06T09:00:00+00:00"
HUB = {"type": "ProviderRegistered", "provider_id": "hub", "occurred_at": WHEN,
       "data": {"name": "Hub", "tier": "community", "service": "hub", "unit_cost_gbp": "38.00"}}
PEOPLE, CONTACTS = 200, 9


def keyed_lines() -> list[dict[str, object]]:
    """Each person's registration and contacts, every line with its own idempotency key."""
    lines: list[dict[str, object]] = []
    for n in range(PEOPLE):
        envelope = {"person_id": str(UUID(int=n + 1, version=4)), "provider_id": "hub",
                    "staff_id": "s-1", "occurred_at": WHEN}
        lines.append({"type": "PersonRegistered", **envelope, "idempotency_key": f"r-{n}",
                      "data": {"given_name": "P", "family_name": f"N{n}", "birth_date": "1980-01-01"}})
        lines += [{"type": "ContactRecorded", **envelope, "idempotency_key": f"c-{n}-{c}",
                   "data": {"contact_id": f"c{c}", "channel": "telephone", "attendance": "attended",
                            "purpose": "drop_in", "duration_minutes": 20}} for c in range(CONTACTS)]
    return lines


def story_events(database_url: str, schema: str) -> int:
    with psycopg.connect(database_url) as conn:
        row = conn.execute(f'SELECT count(*) FROM "{schema}".ledger_events '
                           "WHERE topic LIKE 'ledger.PersonStory.%%'").fetchone()
    return int(row[0]) if row else 0


def test_a_killed_import_run_again_adds_exactly_the_missing_lines(
    database_url: str, schema: str, tmp_path: Path
) -> None:
    """Killed after some batches of five lines landed; the second run skips those as repeats,
    appends the rest, and the hash chain still verifies."""
    env = ledger_env(database_url, schema)
    (tmp_path / "hub.ndjson").write_text(json.dumps(HUB) + "\n")
    assert ledger_command(["import", str(tmp_path / "hub.ndjson")], env).returncode == 0
    path = tmp_path / "people.ndjson"
    path.write_text("".join(json.dumps(line) + "\n" for line in keyed_lines()))
    child = subprocess.Popen([LEDGER, "import", "--batch-size", "5", str(path)], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while story_events(database_url, schema) < 20 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    landed = story_events(database_url, schema)
    assert 20 <= landed < PEOPLE * (1 + CONTACTS)
    again = ledger_command(["import", str(path)], env)
    appended = PEOPLE * (1 + CONTACTS) - landed
    assert (again.returncode, again.stdout.strip()) == (
        0, f"appended {appended} events; rejected 0 lines; skipped {landed} repeats")
    assert story_events(database_url, schema) == PEOPLE * (1 + CONTACTS)
    assert ledger_command(["verify-chain"], env).returncode == 0
