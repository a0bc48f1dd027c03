"""The waiting list page: names, priority then age, filters, sorting and each row's next actions."""

from __future__ import annotations

import httpx
import pytest
from page_checks import DESKTOP, PHONE
from playwright.sync_api import Page, expect
from self_referral_bodies import asking
from worklist_pages import TEAM, api, faults, signed_in

pytestmark = pytest.mark.xdist_group("web")
ROWS = "#waiting tbody tr"


def test_the_waiting_list_shows_names_most_urgent_first(page: Page, borough: str) -> None:
    """The names in the API's order (priority, then age), not ids."""
    waiting = api(borough, f"/providers/{TEAM}/waiting-list")["waiting"]
    assert waiting
    page.goto(signed_in(borough, "/waiting-list", "provider"))
    expect(page.locator(f"{ROWS} td:first-child a")).to_have_text([w["name"] for w in waiting])


def test_filtering_by_priority_leaves_that_priority(page: Page, borough: str) -> None:
    """Choosing "Routine" leaves exactly the routine referrals."""
    waiting = api(borough, f"/providers/{TEAM}/waiting-list")["waiting"]
    page.goto(signed_in(borough, "/waiting-list", "provider"))
    expect(page.locator(ROWS)).to_have_count(len(waiting))
    page.select_option("#priority", "routine")
    expect(page.locator(ROWS)).to_have_count(sum(w["priority"] == "routine" for w in waiting))


def test_sorting_by_days_waited_orders_the_rows(page: Page, borough: str) -> None:
    """Sorting by days waited shows the shortest wait first, then the longest first."""
    waiting = api(borough, f"/providers/{TEAM}/waiting-list")["waiting"]
    page.goto(signed_in(borough, "/waiting-list", "provider"))
    expect(page.locator(ROWS)).to_have_count(len(waiting))
    page.get_by_role("button", name="Days waited").click()
    shortest = sorted(waiting, key=lambda w: w["days_waited"])[0]["days_waited"]
    expect(page.locator(f"{ROWS} td:nth-child(6)").first).to_contain_text(str(shortest))
    page.get_by_role("button", name="Days waited").click()
    longest = max(w["days_waited"] for w in waiting)
    expect(page.locator(f"{ROWS} td:nth-child(6)").first).to_contain_text(str(longest))


def test_each_row_links_to_its_first_contact_form(page: Page, borough: str) -> None:
    """The first row's "Record first contact" opens the story page on that form and referral."""
    first = api(borough, f"/providers/{TEAM}/waiting-list")["waiting"][0]
    page.goto(signed_in(borough, "/waiting-list", "key_worker"))
    link = page.locator(f"{ROWS}").first.get_by_role("link", name="Record first contact")
    expect(link).to_have_attribute("href", f"/story?person={first['person_id']}"
                                           f"&do=first-contact&referral={first['referral_id']}")


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["1280", "390"])
def test_the_waiting_list_page_is_clean(page: Page, borough: str, size: dict[str, int]) -> None:
    """No serious axe finding, no sideways scroll, no junk text."""
    page.set_viewport_size(size)
    page.goto(signed_in(borough, "/waiting-list", "provider"))
    expect(page.locator(ROWS).first).to_be_visible()
    assert faults(page) == []


def test_sorting_from_the_menu_works_at_phone_width(page: Page, borough: str) -> None:
    """At 390 px (headings hidden), "Days waited, longest wait first" puts the longest first."""
    waiting = api(borough, f"/providers/{TEAM}/waiting-list")["waiting"]
    page.set_viewport_size(PHONE)
    page.goto(signed_in(borough, "/waiting-list", "provider"))
    expect(page.locator(ROWS)).to_have_count(len(waiting))
    page.select_option("#sort", label="Days waited, longest wait first")
    longest = max(w["days_waited"] for w in waiting)
    expect(page.locator(f"{ROWS} td:nth-child(6)").first).to_contain_text(str(longest))


def test_the_hubs_list_shows_a_self_referral_to_confirm_in_the_intake(page: Page, borough: str) -> None:
    """A self-referral awaiting confirmation is a row of the Hub's list, sent to the intake page."""
    sent = httpx.post(f"{borough}/self-referrals", json=asking(given_name="Wren"))
    assert sent.status_code == 202, sent.text
    page.goto(signed_in(borough, "/waiting-list", "provider", provider="hub"))
    row = page.locator(ROWS, has_text="Wren")
    expect(row).to_contain_text("Self-referral, awaiting confirmation")
    expect(row.get_by_role("link", name="Confirm in the intake")).to_have_attribute("href", "/intake")
    assert faults(page) == []
