"""The demo borough: two simulated years (one before the Hub opens, one after) loaded into an
empty ledger, and a token for every role so a newcomer can look around at once."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import structlog

from api.http.tokens import Caller, mint
from commands import Ledger
from commands.bulk_import import BulkImport

DEMO_MONTHS = 24
DEMO_SEED = 2017  # the year the Lambeth Hub's evaluation began
log = structlog.get_logger()

ROLES = (
    Caller(role="provider", provider_id="hub", staff_id="hub-demo"),
    Caller(role="key_worker", provider_id="hub", staff_id="hub-kw-demo"),
    Caller(role="analyst", staff_id="analyst-demo"),
    Caller(role="commissioner", staff_id="commissioner-demo"),
    Caller(role="privacy_officer", staff_id="privacy-officer-demo"),
)  # never an admin token: `ledger token --role admin` mints one, for an hour


def demo_start(today: datetime) -> str:
    """The first month of two whole years ending at least a month before ``today``."""
    month = today.year * 12 + today.month - 1 - DEMO_MONTHS - 2
    return f"{month // 12:04d}-{month % 12 + 1:02d}"


def load_demo(ledger: Ledger) -> int:
    """Load the demo borough if the ledger is empty; answers how many events were appended."""
    from simulation import DEFAULT_PEOPLE, simulate

    if ledger.recorder.max_notification_id():
        log.info("demo.skipped", reason="the ledger is not empty")
        return 0
    started = time.monotonic()
    lines = simulate(DEFAULT_PEOPLE, DEMO_MONTHS, DEMO_SEED, demo_start(datetime.now(UTC)))
    numbered = ((n, line.encode()) for n, line in enumerate(lines, start=1))
    report = BulkImport(ledger).run(numbered, lambda consumed: None)
    log.info("demo.loaded", events=report.appended, rejected=len(report.rejections),
             seconds=round(time.monotonic() - started, 1))
    return report.appended


def sign_in_sheet(base_url: str, key: str) -> str:
    """A token per role, a link per role that opens the web page signed in, and a first request."""
    lines = [f"Care-journey ledger at {base_url} (OpenAPI: {base_url}/openapi.json)", ""]
    links = ["", "Open the web page signed in (the link's token stays in that browser tab):"]
    for caller in ROLES:
        token = mint(caller, key)
        lines.append(f"{caller.role:>12}: {token}")
        links.append(f"{caller.role:>12}: {base_url}/#token={token}")
    lines += links
    lines += ["", "Try: curl -H 'Authorization: Bearer <analyst token>' "
              f"'{base_url}/outcomes/people-supported?from=2025-01&to=2025-03'"]
    return "\n".join(lines)
