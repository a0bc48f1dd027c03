"""In the browser: recording from the story page. A team accepts a referral and records the first
contact from the waiting list's links; a form the story moved on under keeps its values and
explains; the API's field errors show beside their fields."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from web_story import TEAM, key_worked, story_link, summary, waiting_for_the_team

pytestmark = pytest.mark.xdist_group("web")


def test_a_team_member_accepts_a_referral_from_its_link(page: Page, borough: str) -> None:
    """`&do=accept&referral=` opens the accept form with that referral chosen; accepting records it."""
    story, referral = waiting_for_the_team(borough)
    page.goto(story_link(borough, "provider", TEAM, story.person_id, f"&do=accept&referral={referral}"))
    form = page.locator("#record-accept")
    expect(form.get_by_label("Referral")).to_have_value(referral)
    form.get_by_role("button", name="Accept").click()
    expect(page.locator("#referrals")).to_contain_text("accepted")
    assert summary(borough, story.person_id)["open_referrals"][0]["accepted"] is True


def test_the_first_contact_ends_the_wait(page: Page, borough: str) -> None:
    """`&do=first-contact` opens the contact form for the referral, face to face; once sent the
    referral reads as seen, no longer waiting."""
    story, referral = waiting_for_the_team(borough)
    story.append(TEAM, "ReferralAccepted", "11", referral_id=referral)
    asked = f"&do=first-contact&referral={referral}"
    page.goto(story_link(borough, "provider", TEAM, story.person_id, asked))
    form = page.locator("#record-contact")
    expect(form.get_by_label("About a referral")).to_have_value(referral)
    expect(form.get_by_label("How")).to_have_value("face_to_face")
    form.get_by_label("Length in minutes").fill("50")
    form.get_by_role("button", name="Record").click()
    expect(page.locator("#referrals")).to_contain_text("seen after")
    assert summary(borough, story.person_id)["open_referrals"][0]["seen_on"] is not None


def test_a_stale_form_keeps_its_values_and_explains(page: Page, borough: str) -> None:
    """Another writer records meanwhile: the send is refused (412), what was typed stays, the page
    says why and shows the new version; sending again records it."""
    story = key_worked(borough)
    page.goto(story_link(borough, "key_worker", TEAM, story.person_id))
    page.get_by_text("Record a contact").click()
    form = page.locator("#record-contact")
    form.get_by_label("Length in minutes").fill("40")
    form.get_by_label("What happened (optional)").fill("Agreed to try the allotment group")
    version_before = page.locator("#version").inner_text()
    story.contact(TEAM, "20", summary="Another worker's call")
    form.get_by_role("button", name="Record").click()
    expect(form.locator(".story-form-problem")).to_contain_text("The story moved on")
    expect(form.get_by_label("What happened (optional)")).to_have_value("Agreed to try the allotment group")
    expect(form.get_by_label("Length in minutes")).to_have_value("40")
    expect(page.locator("#timeline")).to_contain_text("Another worker's call")
    assert page.locator("#version").inner_text() != version_before
    form.get_by_role("button", name="Record").click()
    expect(page.locator("#timeline")).to_contain_text("Agreed to try the allotment group")


def test_field_errors_show_beside_the_field(page: Page, borough: str) -> None:
    """Minutes in words: the API's error for data.duration_minutes is shown beside that field."""
    story = key_worked(borough)
    page.goto(story_link(borough, "key_worker", TEAM, story.person_id))
    page.get_by_text("Record a contact").click()
    form = page.locator("#record-contact")
    form.get_by_label("Length in minutes").fill("half an hour")
    form.get_by_role("button", name="Record").click()
    beside = form.locator('[data-field="data.duration_minutes"] .nhsuk-error-message')
    expect(beside).to_be_visible()
    expect(beside).to_contain_text("duration_minutes")
    expect(form.get_by_label("Length in minutes")).to_have_value("half an hour")
