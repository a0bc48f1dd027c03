"""The caseload page: the team's people by name, filtered by name or key worker, sorted."""

from __future__ import annotations

import pytest
from page_checks import DESKTOP, PHONE
from playwright.sync_api import Page, expect
from worklist_pages import TEAM, api, busiest_key_worker, by_name, faults, signed_in

pytestmark = pytest.mark.xdist_group("web")
ROWS = "#caseload tbody tr"
NAMES = f"{ROWS} td:first-child a"


def test_the_caseload_shows_names_as_the_api_gives_them(page: Page, borough: str) -> None:
    """Every person on the caseload (every page the API gives), by name."""
    people = by_name(borough, f"/providers/{TEAM}/caseload")
    page.goto(signed_in(borough, "/caseload", "provider"))
    expect(page.locator(NAMES)).to_have_text([p["name"] for p in people])


def test_filtering_by_key_worker_leaves_their_people(page: Page, borough: str) -> None:
    """Choosing a key worker leaves exactly the people they key-work."""
    people = by_name(borough, f"/providers/{TEAM}/caseload")
    staff = busiest_key_worker(borough)
    page.goto(signed_in(borough, "/caseload", "provider"))
    expect(page.locator(ROWS)).to_have_count(len(people))
    page.select_option("#worker", staff)
    expect(page.locator(NAMES)).to_have_text(
        [p["name"] for p in people if p["key_worker_staff_id"] == staff])


def test_filtering_by_nhs_number_finds_one_person(page: Page, borough: str) -> None:
    """Typing a person's NHS number leaves that person alone."""
    person = api(borough, f"/providers/{TEAM}/caseload")["people"][-1]
    page.goto(signed_in(borough, "/caseload", "key_worker"))
    page.fill("#find", person["nhs_number"])
    expect(page.locator(NAMES)).to_have_text([person["name"]])


def test_sorting_by_name_twice_reverses_it(page: Page, borough: str) -> None:
    """Name ascending, then descending: the last name comes first."""
    people = api(borough, f"/providers/{TEAM}/caseload")["people"]
    page.goto(signed_in(borough, "/caseload", "provider"))
    expect(page.locator(ROWS)).to_have_count(len(people))
    page.get_by_role("button", name="Name").click()
    page.get_by_role("button", name="Name").click()
    last = max(people, key=lambda p: p["name"].lower())["name"]
    expect(page.locator(NAMES).first).to_have_text(last)


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["1280", "390"])
def test_the_caseload_page_is_clean(page: Page, borough: str, size: dict[str, int]) -> None:
    """No serious axe finding, no sideways scroll, no junk text."""
    page.set_viewport_size(size)
    page.goto(signed_in(borough, "/caseload", "provider"))
    expect(page.locator(ROWS).first).to_be_visible()
    assert faults(page) == []
