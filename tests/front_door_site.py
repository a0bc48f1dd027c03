"""Steps the front door's browser tests share: filling in the public form, signing in Hub staff,
and reading the intake and its outbox as the API and the database hold them."""

from __future__ import annotations

import re
from typing import Any

import httpx
import psycopg
from playwright.sync_api import Page, expect
from web_borough import token

REFERENCE = re.compile(r"SR-[A-Z2-9]{8}")


def fill_in(page: Page, base: str, given: str, family: str, **extra: str) -> None:
    """Open the public form and fill in a request for oneself (``extra`` fields by id)."""
    page.goto(f"{base}/self-referral")
    page.fill("#given_name", given)
    page.fill("#family_name", family)
    page.fill("#what_is_going_on", "I cannot sleep and I am falling behind on my rent.")
    page.fill("#what_matters", "Keeping my home.")
    page.fill("#phone", "020 7946 0000")
    for field, value in extra.items():
        page.fill(f"#{field}", value)


def sent(page: Page) -> str:
    """Send the form; answers the reference shown once the Hub has it."""
    page.click("#send")
    expect(page.locator("#reference")).to_have_text(REFERENCE)
    return page.inner_text("#reference")


def hub_link(base: str, path: str = "/intake") -> str:
    """A page opened by the Hub's staff, signed in by its link."""
    return f"{base}{path}#token={token('provider', 'hub')}"


def intake(base: str) -> list[dict[str, Any]]:
    """The Hub's intake as the API answers it."""
    headers = {"Authorization": f"Bearer {token('provider', 'hub')}"}
    answer = httpx.get(f"{base}/intake", headers=headers)
    answer.raise_for_status()
    return list(answer.json()["intake"])


def outbox_references(database_url: str, schema: str) -> list[str]:
    """The references of the alerts waiting in the outbox."""
    with psycopg.connect(database_url) as conn:
        rows = conn.execute(f'SELECT reference FROM "{schema}".intake_events_alert_outbox '
                            "WHERE sent_at IS NULL").fetchall()
    return [row[0] for row in rows]


def registered(base: str, nhs_number: str, birth_date: str) -> str:
    """A story started by a GP practice, as someone who already has one; answers its id."""
    body = {"occurred_at": "2025-01-03T10:15:00+00:00",
            "data": {"given_name": "Bea", "family_name": "Known", "birth_date": birth_date,
                     "nhs_number": nhs_number}}
    headers = {"Authorization": f"Bearer {token('provider', 'gp-1')}"}
    answer = httpx.post(f"{base}/people", json=body, headers=headers)
    answer.raise_for_status()
    return str(answer.json()["person_id"])
