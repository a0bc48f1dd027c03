"""In the browser: the public front door, from the form to the Hub's intake."""

from __future__ import annotations

import pytest
from front_door_site import fill_in, hub_link, intake, outbox_references, sent
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.xdist_group("web")


def test_a_self_referral_reaches_the_hubs_intake(page: Page, front_door: str) -> None:
    """The form answers a reference and what happens next; the Hub's staff see the request."""
    fill_in(page, front_door, "Ada", "Lovelace")
    reference = sent(page)
    expect(page.locator("#next")).to_contain_text("within two working days")
    expect(page.locator("#crisis")).to_be_hidden()
    page.goto(hub_link(front_door))
    card = page.locator(f'li.ledger-request[data-reference="{reference}"]')
    expect(card).to_contain_text("Ada Lovelace")
    expect(card).to_contain_text("falling behind on my rent")


def test_an_urgent_self_referral_shows_crisis_lines_and_leads_the_intake(
        page: Page, front_door: str, database_url: str, schema: str) -> None:
    """In crisis: the crisis lines at once; the request tops the intake; its alert is in the outbox."""
    fill_in(page, front_door, "Ben", "Routine")
    sent(page)
    fill_in(page, front_door, "Cal", "Urgent")
    page.check("#in_crisis")
    reference = sent(page)
    expect(page.locator("#crisis-lines")).to_contain_text("116 123")
    assert outbox_references(database_url, schema) == [reference]
    page.goto(hub_link(front_door))
    first = page.locator("li.ledger-request").first
    expect(first).to_have_attribute("data-reference", reference)
    expect(first.locator(".ledger-urgent")).to_have_text("Urgent")
    assert intake(front_door)[0]["reference"] == reference


def test_a_carer_refers_someone_with_their_agreement(page: Page, front_door: str) -> None:
    """Someone else's referral needs their agreement; with it, the Hub sees who referred."""
    fill_in(page, front_door, "Dee", "Cared")
    page.check("#for-other")
    page.select_option("#referrer", "carer")
    page.fill("#referrer_name", "Eve Carer")
    page.click("#send")
    expect(page.locator("#problem")).to_contain_text("agreed")
    assert intake(front_door) == []
    page.check("#agreed")
    reference = sent(page)
    page.goto(hub_link(front_door))
    card = page.locator(f'li.ledger-request[data-reference="{reference}"]')
    expect(card).to_contain_text("A carer")
    expect(card).to_contain_text("Eve Carer")


def test_a_refused_field_is_named_and_nothing_is_kept(page: Page, front_door: str) -> None:
    """A phone number that is not one: the problem names the field; the intake stays empty."""
    fill_in(page, front_door, "Fay", "Typo", phone="call me")
    page.click("#send")
    expect(page.locator("#problem")).to_contain_text("Phone number")
    expect(page.locator(".nhsuk-form-group--error #phone")).to_be_visible()
    assert intake(front_door) == []
