"""In the browser: break-glass asks for a reason first, and the story page passes the page checks
(axe-core, no sideways scroll, no junk text) at desktop and phone widths."""

from __future__ import annotations

import pytest
from page_checks import DESKTOP, PHONE, axe_violations, junk_on_screen, scrolls_sideways
from playwright.sync_api import Page, expect
from web_story import TEAM, key_worked, story_link

pytestmark = pytest.mark.xdist_group("web")


def test_break_glass_asks_for_a_reason_first(page: Page, borough: str) -> None:
    """A provider with no care relationship sees no story until it gives a reason; a reason of
    one word is refused beside the field; a real one opens the story, marked as an emergency read."""
    story = key_worked(borough)
    page.goto(story_link(borough, "provider", "peer-1", story.person_id))
    expect(page.locator("#ask-reason")).to_be_visible()
    expect(page.locator("#story")).to_be_hidden()
    page.get_by_label("Why you must read it now").fill("urgent")
    page.get_by_role("button", name="Read in an emergency").click()
    expect(page.locator("#ask-error")).to_be_visible()
    page.get_by_label("Why you must read it now").fill("person in crisis at the drop-in tonight")
    page.get_by_role("button", name="Read in an emergency").click()
    expect(page.locator("#emergency")).to_be_visible()
    expect(page.locator("h1")).to_have_text("Grace Okafor")
    expect(page.locator("#record")).to_be_hidden()


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["1280", "390"])
def test_the_story_page_passes_the_page_checks(page: Page, borough: str, size: dict[str, int]) -> None:
    """The key worker's story with every form open: no serious axe violation, no sideways scroll,
    no undefined/NaN/[object Object] on screen."""
    story = key_worked(borough)
    page.set_viewport_size(size)
    page.goto(story_link(borough, "key_worker", TEAM, story.person_id))
    expect(page.locator("#timeline li").first).to_be_visible()
    page.locator("details.story-form").evaluate_all("nodes => nodes.forEach(n => n.open = true)")
    assert axe_violations(page) == []
    assert not scrolls_sideways(page)
    assert junk_on_screen(page) is None


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["1280", "390"])
def test_the_reason_prompt_passes_the_page_checks(page: Page, borough: str, size: dict[str, int]) -> None:
    """The break-glass prompt passes the same checks."""
    story = key_worked(borough)
    page.set_viewport_size(size)
    page.goto(story_link(borough, "provider", "peer-1", story.person_id))
    expect(page.locator("#ask-reason")).to_be_visible()
    assert axe_violations(page) == []
    assert not scrolls_sideways(page)
    assert junk_on_screen(page) is None
