"""In the browser: Hub staff confirm self-referrals into a new story and into an existing one."""

from __future__ import annotations

import pytest
from front_door_site import fill_in, hub_link, intake, registered, sent
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.xdist_group("web")


def attach(page: Page, front_door: str, reference: str, nhs_number: str, birth_date: str) -> None:
    """On the intake page, claim the request's existing story with an NHS number and birth date."""
    page.goto(hub_link(front_door))
    card = page.locator(f'li.ledger-request[data-reference="{reference}"]')
    card.locator("summary", has_text="Attach").click()
    claim = card.locator("form[data-kind=claim]")
    claim.locator("input[name=nhs_number]").fill(nhs_number)
    claim.locator("input[name=birth_date]").fill(birth_date)
    claim.locator("button").click()


def test_hub_staff_start_a_story_from_a_self_referral(page: Page, front_door: str) -> None:
    """Starting a story: the request leaves the intake and the page links to the new story."""
    fill_in(page, front_door, "Gil", "New", birth_date="1988-07-14")
    reference = sent(page)
    page.goto(hub_link(front_door))
    card = page.locator(f'li.ledger-request[data-reference="{reference}"]')
    card.locator("summary", has_text="Start a story").click()
    card.locator("form[data-kind=story] button").click()
    expect(page.locator("#done")).to_contain_text(f"Started a story for {reference}")
    assert "/story?person=" in (page.locator("#done a").get_attribute("href") or "")
    expect(page.locator("#summary")).to_have_text("No self-referrals are waiting.")
    assert intake(front_door) == []


def test_hub_staff_attach_a_self_referral_to_an_existing_story(page: Page, front_door: str) -> None:
    """Someone who already has a story: a claim with their NHS number and birth date attaches it."""
    person = registered(front_door, "9434765870", "1979-11-02")
    fill_in(page, front_door, "Bea", "Known")
    reference = sent(page)
    attach(page, front_door, reference, "9434765870", "1979-11-02")
    expect(page.locator("#done")).to_contain_text(f"Attached to their existing story for {reference}")
    assert (page.locator("#done a").get_attribute("href") or "").endswith(person)
    assert intake(front_door) == []


def test_a_claim_matching_nobody_is_explained_and_the_request_waits(page: Page, front_door: str) -> None:
    """A wrong birth date: the page says no story matches; the request stays in the intake."""
    registered(front_door, "4010232137", "1970-01-01")
    fill_in(page, front_door, "Hal", "Wrong")
    reference = sent(page)
    attach(page, front_door, reference, "4010232137", "1971-01-01")
    expect(page.locator("#problem")).to_contain_text("No story matches")
    assert [r["reference"] for r in intake(front_door)] == [reference]
