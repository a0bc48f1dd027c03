"""The staff lists' pages in the browser: signed-in addresses, the API's own answers to compare
with, and what every page must pass (tests/page_checks.py) at one width."""

from __future__ import annotations

from typing import Any

import httpx
from api_journeys import SIGNING_KEY
from page_checks import axe_violations, junk_on_screen, scrolls_sideways
from playwright.sync_api import Page

from api.http.tokens import Caller, mint

TEAM = "cmht-1"  # the Community Mental Health Team: people wait for it in the simulation


def staff_token(role: str, provider: str = TEAM, staff: str | None = None) -> str:
    """A bearer token for staff of a provider (``staff`` defaults to ``<role>-web``)."""
    caller = Caller.model_validate({"role": role, "provider_id": provider,
                                    "staff_id": staff or f"{role}-web"})
    return mint(caller, SIGNING_KEY)


def signed_in(base: str, path: str, role: str, provider: str = TEAM, staff: str | None = None) -> str:
    """The page's address with a sign-in fragment the page adopts."""
    return f"{base}{path}#token={staff_token(role, provider, staff)}"


def api(base: str, path: str, role: str = "provider", provider: str = TEAM,
        staff: str | None = None) -> Any:
    """GET an API path as staff of the provider; answers the JSON."""
    headers = {"Authorization": f"Bearer {staff_token(role, provider, staff)}"}
    answer = httpx.get(f"{base}{path}", headers=headers, timeout=30)
    answer.raise_for_status()
    return answer.json()


def by_name(base: str, path: str, role: str = "provider", provider: str = TEAM,
            staff: str | None = None) -> list[Any]:
    """A people list's rows (up to a thousand) as the pages show them: by name, then id."""
    rows: list[Any] = api(base, f"{path}?limit=1000", role, provider, staff)["people"]
    return sorted(rows, key=lambda p: ((p["name"] or "~").lower(), p["person_id"]))


def busiest_key_worker(base: str) -> str:
    """The staff id at the team who key-works the most people on its caseload."""
    people = api(base, f"/providers/{TEAM}/caseload")["people"]
    workers = [p["key_worker_staff_id"] for p in people if p["key_worker_staff_id"]]
    assert workers, "the simulated team key-works nobody"
    return max(set(workers), key=workers.count)


def faults(page: Page) -> list[str]:
    """Whatever the page fails of: axe serious/critical, sideways scroll, junk text."""
    found = axe_violations(page)
    if scrolls_sideways(page):
        found.append("scrolls sideways")
    if (junk := junk_on_screen(page)) is not None:
        found.append(f"shows {junk!r}")
    return found
