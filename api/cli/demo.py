"""The demo borough: two simulated years (one before the Hub opens, one after) ending today,
loaded into an empty ledger as history (each event at its own recording time, so "as of last
month" reads as it did then), and a token for every role so a newcomer can look around at once.

The clock is read once, when the demo is made: the borough ends at the start of that day
(London), in the current month. Figures still use the events' own times."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, date, datetime

import structlog

from api.http.tokens import Caller, mint
from commands import Ledger
from commands.audit_log import AuditLog
from commands.migrated_import import MigratedImport
from projections.calendar import london_date

DEMO_MONTHS = 24
DEMO_SEED = 2017  # the year the Lambeth Hub's evaluation began
log = structlog.get_logger()


def demo_callers(key_worker: str) -> tuple[Caller, ...]:
    """Whom the demo prints a token for: never an admin (`ledger token --role admin` mints one,
    for an hour); the key worker is the Hub's busiest (``api.cli.demo_key_worker``)."""
    return (
        Caller(role="provider", provider_id="hub", staff_id="hub-demo"),
        Caller(role="key_worker", provider_id="hub", staff_id=key_worker),
        Caller(role="analyst", staff_id="analyst-demo"),
        Caller(role="commissioner", staff_id="commissioner-demo"),
        Caller(role="privacy_officer", staff_id="privacy-officer-demo"),
    )


def demo_start(today: date) -> str:
    """The first month of the two years whose last month is ``today``'s."""
    month = today.year * 12 + today.month - DEMO_MONTHS
    return f"{month // 12:04d}-{month % 12 + 1:02d}"


def demo_lines(now: datetime, people: int | None = None) -> Iterator[tuple[datetime, str]]:
    """The demo borough's lines, each with the instant it was recorded, up to ``now``'s day."""
    from simulation import DEFAULT_PEOPLE
    from simulation.stream import recorded_lines

    today = london_date(now)
    lines = recorded_lines(people or DEFAULT_PEOPLE, DEMO_MONTHS, DEMO_SEED, demo_start(today),
                           until=today)
    return ((datetime.fromtimestamp(minute * 60, UTC), line) for minute, line in lines)


def load_demo(ledger: Ledger, audit_log: AuditLog) -> int:
    """Load the demo borough if the ledger is empty; answers how many events were appended."""
    if ledger.recorder.max_notification_id():
        log.info("demo.skipped", reason="the ledger is not empty")
        return 0
    started = time.monotonic()
    importer = MigratedImport(ledger, audit_log)
    appended = importer.run(demo_lines(datetime.now(UTC)), operator="demo")
    log.info("demo.loaded", events=appended, rejected=len(importer.rejections),
             seconds=round(time.monotonic() - started, 1))
    return appended


def sign_in_sheet(base_url: str, key: str, key_worker: str) -> str:
    """A token per role, a link per role that opens the web page signed in, and a first request."""
    lines = [f"Care-journey ledger at {base_url} (OpenAPI: {base_url}/openapi.json)", ""]
    links = ["", "Open the web page signed in (the link's token stays in that browser tab):"]
    for caller in demo_callers(key_worker):
        token = mint(caller, key)
        lines.append(f"{caller.role:>12}: {token}")
        links.append(f"{caller.role:>12}: {base_url}/#token={token}")
    lines += links
    lines += ["", "Try: curl -H 'Authorization: Bearer <analyst token>' "
              f"'{base_url}/outcomes/people-supported?from=2025-01&to=2025-03'"]
    return "\n".join(lines)
