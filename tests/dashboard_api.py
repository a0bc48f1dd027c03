"""What the dashboard tests compare the page with: the API's own answers, and the page's CSVs.

Every expected number comes from ``GET /outcomes`` or ``GET /providers`` over HTTP, asked with the
same token the page uses; nothing is written down in the tests.
"""

from __future__ import annotations

import csv
import io
from typing import Any

import httpx
from playwright.sync_api import Page
from web_borough import token


def outcomes(base: str, role: str, metric: str, **query: str) -> list[dict[str, Any]]:
    """The API's rows for a metric, asked as ``role``."""
    headers = {"Authorization": f"Bearer {token(role)}"}
    answer = httpx.get(f"{base}/outcomes/{metric}", params=query, headers=headers, timeout=60)
    answer.raise_for_status()
    return list(answer.json()["rows"])


def borough_wide(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The borough-wide rows, oldest first."""
    return [row for row in rows if row["provider_id"] is None]


def as_csv(row: dict[str, Any], field: str) -> str:
    """A figure as the page's CSV must hold it: the API's value, or ``suppressed``, or empty."""
    value = row.get(field)
    if value is None:
        return "suppressed" if field in row["suppressed_fields"] else ""
    return str(value)


def same_number(written: str, answered: str) -> bool:
    """Whether a CSV cell holds the API's figure (numbers compared as numbers)."""
    try:
        return float(written) == float(answered)
    except ValueError:
        return written == answered


def downloaded(page: Page, name: str) -> list[list[str]]:
    """Clicks the table's download button and answers the CSV's rows (header first)."""
    with page.expect_download() as event:
        page.click(f'[data-download="{name}"]')
    text = open(event.value.path(), encoding="utf-8").read()  # noqa: SIM115 (a temporary file)
    return list(csv.reader(io.StringIO(text)))


def choose(page: Page, start: str, end: str, baseline_from: str, baseline_to: str) -> None:
    """Sets the period and baseline on the dashboard and shows them."""
    page.fill("#period-from", start)
    page.fill("#period-to", end)
    page.fill("#baseline-from", baseline_from)
    page.fill("#baseline-to", baseline_to)
    page.click("#period-form button[type=submit]")
