"""In the browser: a key worker reads a person's story (summary, timeline by occurrence, a late
entry marked) and records a contact that shows at once."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from web_story import TEAM, key_worked, story_link

pytestmark = pytest.mark.xdist_group("web")


def open_as_key_worker(page: Page, borough: str) -> str:
    """Builds a key-worked story and opens it as its key worker; answers the person id."""
    story = key_worked(borough)
    page.goto(story_link(borough, "key_worker", TEAM, story.person_id))
    expect(page.locator("h1")).to_have_text("Grace Okafor")
    return story.person_id


def test_the_summary_shows_who_their_key_worker_and_plan(page: Page, borough: str) -> None:
    """On top: the name, the key worker by their service's name, the plan's goals in words."""
    open_as_key_worker(page, borough)
    expect(page.locator("#summary-list")).to_contain_text("key_worker-web, Community Mental Health Team")
    expect(page.locator("#plan")).to_contain_text("a secure tenancy (housing): not started")
    expect(page.locator("#referrals")).to_contain_text("From Living Well Hub to Community Mental Health Team")


def test_the_timeline_runs_in_the_order_things_happened(page: Page, borough: str) -> None:
    """The 17 August contact comes before the 18 August one although recorded after it."""
    open_as_key_worker(page, borough)
    times = page.locator("#timeline time").evaluate_all("nodes => nodes.map(n => n.dateTime)")
    assert times == sorted(times)
    contacts = page.locator("#timeline li", has_text="Review contact")
    expect(contacts).to_have_count(2)
    expect(contacts.first).to_contain_text("Missed call returned")
    expect(contacts.first).to_contain_text("Written up late")
    expect(contacts.last).not_to_contain_text("Written up late")


def test_the_key_worker_sees_who_read_the_story(page: Page, borough: str) -> None:
    """The recent reads list the key worker's own read of now."""
    open_as_key_worker(page, borough)
    own_read = "key_worker-web, Community Mental Health Team read"
    expect(page.locator("#reads li").first).to_contain_text(own_read)


def test_a_recorded_contact_shows_at_once(page: Page, borough: str) -> None:
    """A contact sent from the page is in the timeline as soon as the ledger answers."""
    open_as_key_worker(page, borough)
    page.get_by_text("Record a contact").click()
    form = page.locator("#record-contact")
    form.get_by_label("How").select_option(label="Video call")
    form.get_by_label("Length in minutes").fill("25")
    form.get_by_label("What happened (optional)").fill("Planned the move with the housing officer")
    form.get_by_role("button", name="Record").click()
    expect(page.locator("#recorded")).to_contain_text("Recorded (record a contact)")
    expect(page.locator("#timeline")).to_contain_text("Planned the move with the housing officer")
    newest = page.locator("#timeline li").last
    expect(newest).to_contain_text("Assessment contact by video call: attended, 25 minutes")
