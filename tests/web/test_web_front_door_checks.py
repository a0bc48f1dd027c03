"""The front door's pages pass the page checks at desktop and phone widths: axe-core, no
sideways scroll, no junk on screen; the public form, its urgent answer and the Hub's intake."""

from __future__ import annotations

import pytest
from front_door_site import fill_in, hub_link, sent
from page_checks import DESKTOP, PHONE, axe_violations, junk_on_screen, scrolls_sideways
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.xdist_group("web")
WIDTHS = {"desktop": DESKTOP, "phone": PHONE}


def checked(page: Page) -> None:
    """Every check a page must pass."""
    assert axe_violations(page) == []
    assert not scrolls_sideways(page)
    assert junk_on_screen(page) is None


@pytest.mark.parametrize("width", WIDTHS)
def test_the_public_form_passes(page: Page, front_door: str, width: str) -> None:
    """The empty form, and the form for someone else, pass."""
    page.set_viewport_size(WIDTHS[width])
    page.goto(f"{front_door}/self-referral")
    checked(page)
    page.check("#for-other")
    checked(page)


@pytest.mark.parametrize("width", WIDTHS)
def test_a_refusal_passes(page: Page, front_door: str, width: str) -> None:
    """The form showing a problem with a field passes."""
    page.set_viewport_size(WIDTHS[width])
    fill_in(page, front_door, "Ivy", "Checks", email="not an address")
    page.click("#send")
    expect(page.locator("#problem")).to_be_visible()
    checked(page)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_urgent_answer_passes(page: Page, front_door: str, width: str) -> None:
    """The answer with its crisis lines passes."""
    page.set_viewport_size(WIDTHS[width])
    fill_in(page, front_door, "Jo", "Checks")
    page.check("#in_crisis")
    sent(page)
    expect(page.locator("#crisis")).to_be_visible()
    checked(page)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_intake_passes(page: Page, front_door: str, width: str) -> None:
    """The Hub's intake with an urgent request and its forms open passes."""
    page.set_viewport_size(WIDTHS[width])
    fill_in(page, front_door, "Kit", "Checks", best_time="after 5pm, not Fridays")
    page.check("#in_crisis")
    sent(page)
    page.goto(hub_link(front_door))
    expect(page.locator("li.ledger-request")).to_have_count(1)
    page.locator("summary", has_text="Start a story").click()
    page.locator("summary", has_text="Attach").click()
    checked(page)
