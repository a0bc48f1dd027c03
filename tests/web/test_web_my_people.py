"""My people: a key worker's own people by name, with last contact and open referrals."""

from __future__ import annotations

import pytest
from page_checks import DESKTOP, PHONE
from playwright.sync_api import Page, expect
from worklist_pages import api, busiest_key_worker, by_name, faults, signed_in

pytestmark = pytest.mark.xdist_group("web")
ROWS = "#people tbody tr"
NAMES = f"{ROWS} td:first-child a"


def test_my_people_shows_the_workers_own_people_by_name(page: Page, borough: str) -> None:
    """The names the API gives the key worker, by name."""
    staff = busiest_key_worker(borough)
    people = by_name(borough, f"/key-workers/{staff}/caseload", "key_worker", staff=staff)
    page.goto(signed_in(borough, "/my-people", "key_worker", staff=staff))
    expect(page.locator(NAMES)).to_have_text([p["name"] for p in people])


def test_another_workers_people_are_not_shown(page: Page, borough: str) -> None:
    """A key worker who key-works nobody sees an empty list, none of a colleague's people."""
    page.goto(signed_in(borough, "/my-people", "key_worker", staff="nobody-here"))
    expect(page.locator("#count")).to_have_text("0 of 0 people")


def test_each_person_shows_the_last_contact(page: Page, borough: str) -> None:
    """The first row's last contact is the API's date with the days since."""
    staff = busiest_key_worker(borough)
    first = by_name(borough, f"/key-workers/{staff}/caseload", "key_worker", staff=staff)[0]
    page.goto(signed_in(borough, "/my-people", "key_worker", staff=staff))
    expect(page.locator(f"{ROWS} td:nth-child(3)").first).to_contain_text(
        f"{first['last_contact_on']} ({first['days_since_contact']} days ago)")


def test_sorting_by_last_contact_puts_the_most_recent_first(page: Page, borough: str) -> None:
    """Sorted by last contact, the first row is the person seen most recently."""
    staff = busiest_key_worker(borough)
    people = api(borough, f"/key-workers/{staff}/caseload", "key_worker", staff=staff)["people"]
    page.goto(signed_in(borough, "/my-people", "key_worker", staff=staff))
    expect(page.locator(ROWS)).to_have_count(len(people))
    page.get_by_role("button", name="Last contact").click()
    recent = min(people, key=lambda p: p["days_since_contact"])
    expect(page.locator(f"{ROWS} td:nth-child(3)").first).to_contain_text(recent["last_contact_on"])


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["1280", "390"])
def test_my_people_page_is_clean(page: Page, borough: str, size: dict[str, int]) -> None:
    """No serious axe finding, no sideways scroll, no junk text."""
    staff = busiest_key_worker(borough)
    page.set_viewport_size(size)
    page.goto(signed_in(borough, "/my-people", "key_worker", staff=staff))
    expect(page.locator(ROWS).first).to_be_visible()
    assert faults(page) == []
