"""In the browser: an analyst compares a figure as known a month ago with today's, reads a
person's access log and figure inputs with a purpose, and sees the audit log record both."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from dashboard_api import borough_wide, downloaded
from playwright.sync_api import Page, expect
from web_borough import Link, token

pytestmark = pytest.mark.xdist_group("web")
PURPOSE = "checking the waiting figures for the board"


def analysts(base: str, path: str, **query: str) -> dict[str, Any]:
    """The API's answer to an analyst."""
    answer = httpx.get(f"{base}{path}", params=query, headers={"Authorization": f"Bearer {token('analyst')}"},
                       timeout=60)
    answer.raise_for_status()
    result: dict[str, Any] = answer.json()
    return result


def test_an_analyst_compares_a_figure_as_of_last_month_with_todays(
    page: Page, link: Link, borough: str
) -> None:
    """People supported, January to June 2025, as known a month ago and today: both columns are the API's."""
    page.goto(link("analyst").replace("/#", "/audit#"))
    page.fill("#as-of-from", "2025-01")
    page.fill("#as-of-to", "2025-06")
    page.click("#as-of-form button[type=submit]")
    rows = downloaded(page, "as-of")[1:]
    instant = rows[0][2]
    months = {"from": "2025-01", "to": "2025-06"}
    then = analysts(borough, "/outcomes/people-supported", **months, as_of=instant)
    now = analysts(borough, "/outcomes/people-supported", **months)
    expected = [[a["month"], "people", instant, str(a["people"]), str(b["people"])]
                for a, b in zip(borough_wide(then["rows"]), borough_wide(now["rows"]), strict=True)]
    assert rows == expected
    assert any(row[3] != row[4] for row in rows)  # the borough was loaded after last month


def test_the_as_of_question_is_in_the_audit_log(page: Page, link: Link) -> None:
    """Asking for figures as of an instant adds an "as of outcomes" entry to the audit log shown."""
    page.goto(link("analyst").replace("/#", "/audit#"))
    page.click("#as-of-form button[type=submit]")
    expect(page.locator('[data-table="as-of"]')).to_be_visible()
    expect(page.locator('[data-table="audit-log"]')).to_contain_text("as of outcomes")


def waiting_person(base: str) -> str:
    """A person on the Community Mental Health Team's waiting list."""
    return str(analysts(base, "/providers/cmht-1/waiting-list")["waiting"][0]["person_id"])


def test_a_persons_figure_inputs_and_access_log_are_read_with_a_purpose(
    page: Page, link: Link, borough: str
) -> None:
    """The figure inputs are the API's rows; the access log then shows the export."""
    person = waiting_person(borough)
    page.goto(link("analyst").replace("/#", "/audit#"))
    page.fill("#person-id", person)
    page.fill("#purpose", PURPOSE)
    page.click("#person-form button[type=submit]")
    expect(page.locator('[data-table="access-log"]')).to_contain_text("figure inputs exported")
    written = [row[:2] for row in downloaded(page, "figure-inputs")[1:]]
    answer = httpx.get(f"{borough}/people/{person}/figure-inputs", timeout=60, headers={
        "Authorization": f"Bearer {token('analyst')}", "X-Audit-Purpose": PURPOSE}).json()
    assert written
    assert written == [[str(row["version"]), row["table"]] for row in answer["inputs"]]


def test_a_missing_purpose_is_asked_for_beside_its_field(page: Page, link: Link, borough: str) -> None:
    """Without a purpose nothing is read and the purpose field says what is needed."""
    page.goto(link("analyst").replace("/#", "/audit#"))
    page.fill("#person-id", waiting_person(borough))
    page.click("#person-form button[type=submit]")
    expect(page.locator("#error-purpose")).to_contain_text("Say why")
    expect(page.locator('[data-table="figure-inputs"]')).to_have_count(0)


def test_an_unknown_person_is_explained_beside_the_id(page: Page, link: Link) -> None:
    """A person id the ledger does not know is answered beside the id field."""
    page.goto(link("analyst").replace("/#", "/audit#"))
    page.fill("#person-id", "00000000-0000-4000-8000-000000000000")
    page.fill("#purpose", PURPOSE)
    page.click("#person-form button[type=submit]")
    expect(page.locator("#error-person")).to_contain_text("No person in the ledger has this id")
