"""Finding a person in the browser: by NHS number or name, among the people the team may read."""

from __future__ import annotations

import pytest
from page_checks import DESKTOP, PHONE
from playwright.sync_api import Page, expect
from worklist_pages import TEAM, api, faults, signed_in

pytestmark = pytest.mark.xdist_group("web")
FOUND = "#results li a"


def search(page: Page, query: str) -> None:
    """Type the terms and press Search."""
    page.fill("#query", query)
    page.get_by_role("button", name="Search").click()


def test_an_nhs_number_finds_the_person_and_links_their_story(page: Page, borough: str) -> None:
    """A key worker types a waiting person's NHS number: one result, linking to their story."""
    person = api(borough, f"/providers/{TEAM}/waiting-list")["waiting"][0]
    page.goto(signed_in(borough, "/search", "key_worker"))
    search(page, person["nhs_number"])
    expect(page.locator(FOUND)).to_have_text([person["name"]])
    expect(page.locator(FOUND)).to_have_attribute("href", f"/story?person={person['person_id']}")


def test_a_family_name_finds_everyone_of_that_name(page: Page, borough: str) -> None:
    """A family name finds the caseload's people with it (among others the team may read)."""
    people = api(borough, f"/providers/{TEAM}/caseload")["people"]
    family = people[0]["name"].split()[-1]
    page.goto(signed_in(borough, "/search", "provider"))
    search(page, family)
    expect(page.locator(FOUND).first).to_be_visible()
    shown = page.locator(FOUND).all_inner_texts()
    assert {p["name"] for p in people if p["name"].split()[-1] == family} <= set(shown)


def test_another_team_finds_nobody_by_number(page: Page, borough: str) -> None:
    """A team with no relationship searching the same number is told nobody was found."""
    person = api(borough, f"/providers/{TEAM}/waiting-list")["waiting"][0]
    page.goto(signed_in(borough, "/search", "provider", provider="peer-1"))
    search(page, person["nhs_number"])
    expect(page.locator("#count")).to_have_text("0 people found among the people your team may read")


def test_too_short_a_query_is_explained_beside_the_field(page: Page, borough: str) -> None:
    """One letter: the field says why, nothing is sent."""
    page.goto(signed_in(borough, "/search", "provider"))
    search(page, "a")
    expect(page.locator("#query-error")).to_contain_text("at least 2 characters")


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["1280", "390"])
def test_the_search_page_is_clean(page: Page, borough: str, size: dict[str, int]) -> None:
    """After a search: no serious axe finding, no sideways scroll, no junk text."""
    person = api(borough, f"/providers/{TEAM}/waiting-list")["waiting"][0]
    page.set_viewport_size(size)
    page.goto(signed_in(borough, "/search", "provider"))
    search(page, person["name"])
    expect(page.locator(FOUND).first).to_be_visible()
    assert faults(page) == []
