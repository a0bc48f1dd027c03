"""In the browser: provider staff see their caseload and waiting list, and open a person's story."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from playwright.sync_api import Page, expect
from web_borough import Link, token

pytestmark = pytest.mark.xdist_group("web")
TEAM = "cmht-1"  # the Community Mental Health Team: people are waiting for it in the simulation


def waiting_list(base: str, provider: str = TEAM) -> list[dict[str, Any]]:
    """The provider's waiting list as the API answers it."""
    headers = {"Authorization": f"Bearer {token('provider', provider)}"}
    answer = httpx.get(f"{base}/providers/{provider}/waiting-list", headers=headers)
    answer.raise_for_status()
    return list(answer.json()["waiting"])


def test_a_provider_sees_the_caseload_count(page: Page, link: Link, borough: str) -> None:
    """Provider staff see how many people are on their caseload today, as the API counts them."""
    headers = {"Authorization": f"Bearer {token('provider', TEAM)}"}
    caseload = httpx.get(f"{borough}/providers/{TEAM}/caseload", headers=headers).json()
    page.goto(link("provider", TEAM))
    expect(page.locator("#caseload-count")).to_have_text(f"{caseload['count']} on {caseload['on']}")


def test_a_provider_sees_the_waiting_list_oldest_first(page: Page, link: Link, borough: str) -> None:
    """The waiting list shows each waiting person by id, oldest first, with days waited."""
    waits = waiting_list(borough)
    assert waits
    page.goto(link("provider", TEAM))
    expect(page.locator("#waiting-list tbody td.person")).to_have_text([w["person_id"] for w in waits])
    expect(page.locator("#waiting-list tbody td.number")).to_have_text([str(w["days_waited"]) for w in waits])


def test_a_key_worker_sees_the_waiting_list_too(page: Page, link: Link) -> None:
    """A key worker sees their provider's waiting list."""
    page.goto(link("key_worker", TEAM))
    expect(page.locator("#waiting-list tbody tr").first).to_be_visible()


def test_a_provider_opens_a_story_as_a_timeline(page: Page, link: Link) -> None:
    """Reading a waiting person's story shows their events, registration first."""
    page.goto(link("provider", TEAM))
    page.locator("#waiting-list button.read-story").first.click()
    expect(page.locator("#timeline li").first).to_contain_text("Person Registered")
    expect(page.locator("#timeline li").last).to_contain_text("Referral Made")


def test_a_refused_story_read_is_explained(page: Page, link: Link, borough: str) -> None:
    """A story the ledger refuses (no care relationship) shows why, and the page stays signed in."""
    waits = waiting_list(borough)
    page.goto(link("provider", "peer-1"))
    expect(page.locator("#provider")).to_be_visible()
    page.evaluate("id => import('/static/caseload.js').then(m => m.showStory(id))", waits[0]["person_id"])
    expect(page.locator("#story-problem")).to_contain_text("no care relationship")
    expect(page.locator("#sign-out")).to_be_visible()
