"""In the browser, from the waiting list: a team member accepts a referral, records the first
contact, and the person leaves the list."""

from __future__ import annotations

import pytest
from playwright.sync_api import Locator, Page, expect
from web_story import waiting_for_the_team
from worklist_pages import signed_in

pytestmark = pytest.mark.xdist_group("web")
ATTEMPTS = 20  # the list tables follow the log: reload until the projector has caught up


def their_row(page: Page, base: str, person_id: str, present: bool) -> Locator:
    """The waiting list, reloaded until the person's row is there (or gone, when not ``present``)."""
    row = page.locator(f'#waiting tbody tr:has(a[href*="{person_id}"])')
    page.goto(signed_in(base, "/waiting-list", "provider"))
    for _ in range(ATTEMPTS):
        page.reload()  # (a second goto differing only in its #token fragment would not reload)
        page.locator("#count").filter(has_text="waiting").wait_for()
        if (row.count() > 0) == present:
            return row
        page.wait_for_timeout(500)
    raise AssertionError(f"the waiting list never {'showed' if present else 'dropped'} {person_id}")


def test_accepting_and_seeing_a_person_takes_them_off_the_waiting_list(page: Page, borough: str) -> None:
    """Accept from the row's link, then record the first contact from its link: the row is gone."""
    story, _ = waiting_for_the_team(borough)
    their_row(page, borough, story.person_id, present=True).get_by_role("link", name="Accept").click()
    page.locator("#record-accept").get_by_role("button", name="Accept").click()
    expect(page.locator("#referrals")).to_contain_text("accepted")
    row = their_row(page, borough, story.person_id, present=True)
    row.get_by_role("link", name="Record first contact").click()
    form = page.locator("#record-contact")
    form.get_by_label("Length in minutes").fill("50")
    form.get_by_role("button", name="Record").click()
    expect(page.locator("#referrals")).to_contain_text("seen after")
    assert their_row(page, borough, story.person_id, present=False).count() == 0
