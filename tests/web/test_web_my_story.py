"""In the browser: a person reads their own story (a withheld entry shown as withheld) and who
read it, adds a note, and is refused someone else's story; the page passes the page checks."""

from __future__ import annotations

import random
import uuid

import httpx
import pytest
from page_checks import DESKTOP, PHONE, axe_violations, junk_on_screen, scrolls_sideways
from playwright.sync_api import Page, expect
from web_borough import token

from api.http.tokens import Caller, mint
from ledger.values import nhs_check_digit
from tests.api_journeys import SIGNING_KEY

pytestmark = pytest.mark.xdist_group("web")
HUB = {"Authorization": f"Bearer {token('provider', 'hub')}"}
WHEN = "2025-06-01T10:00:00+00:00"


def person_token(person_id: str) -> str:
    """A token bound to the story ``person_id``."""
    return mint(Caller(role="person", staff_id="self", person_id=uuid.UUID(person_id)), SIGNING_KEY)


def person_link(base: str, person_id: str) -> str:
    """The person's sign-in link, opening their page."""
    return f"{base}/my-story#token={person_token(person_id)}"


def registered(base: str) -> str:
    """A new person registered by the hub."""
    data = {"given_name": "Ada", "family_name": "Web", "birth_date": "1990-01-01"}
    body = {"occurred_at": WHEN, "data": data}
    return str(httpx.post(f"{base}/people", json=body, headers=HUB).json()["person_id"])


@pytest.fixture
def person(borough: str) -> str:
    """A person the hub registered, met (a contact it then withheld) and read in an emergency."""
    person_id = registered(borough)
    contact = {"type": "ContactRecorded", "occurred_at": WHEN, "data": {
        "contact_id": "c-w", "channel": "telephone", "attendance": "attended", "purpose": "drop_in",
        "duration_minutes": 20, "summary": "spoke about her neighbour's illness"}}
    withhold = {"type": "EntryWithheldFromPerson", "occurred_at": WHEN,
                "data": {"version": 2, "reason": "third_party_details"}}
    for event in (contact, withhold):
        httpx.post(f"{borough}/people/{person_id}/events", json=event, headers=HUB).raise_for_status()
    glass = {**{"Authorization": f"Bearer {token('provider', 'cmht-1')}"},
             "X-Break-Glass-Reason": "found unwell at the station tonight"}
    httpx.get(f"{borough}/people/{person_id}/story", headers=glass).raise_for_status()
    return person_id


def test_a_person_reads_their_story_with_a_withheld_entry(page: Page, borough: str, person: str) -> None:
    """The registration in words, then a withheld marker; the withheld words are nowhere."""
    page.goto(person_link(borough, person))
    expect(page.locator("#story li").first).to_contain_text("started your story")
    expect(page.locator("#story li.my-withheld")).to_contain_text("not shown to you")
    expect(page.locator("body")).not_to_contain_text("neighbour")


def test_a_person_sees_an_emergency_read_highlighted(page: Page, borough: str, person: str) -> None:
    """The break-glass read is flagged, with its reason, in the access log."""
    page.goto(person_link(borough, person))
    flagged = page.locator("#access-log li.my-flagged")
    expect(flagged).to_contain_text("Emergency access")
    expect(flagged).to_contain_text("found unwell at the station tonight")


def test_a_person_adds_a_note(page: Page, borough: str, person: str) -> None:
    """The note appears in their story as theirs."""
    page.goto(person_link(borough, person))
    expect(page.locator("#story li").first).to_be_visible()
    page.fill("#note", "Please ring after 10 in the morning")
    page.click("#note-form button[type=submit]")
    expect(page.locator("#story li.my-own").last).to_contain_text("Please ring after 10 in the morning")


def test_a_person_is_refused_someone_elses_story(page: Page, borough: str, person: str) -> None:
    """Signed in to their own story, asking for another's: nothing they may see has that id."""
    other = registered(borough)
    page.goto(person_link(borough, person))
    expect(page.locator("#story li").first).to_be_visible()
    refusal = page.evaluate("id => import('/static/session.js').then(m => m.readApi(`/people/${id}/story`))"
                            ".then(() => 'read', p => `${p.status} ${p.message}`)", other)
    assert refusal.startswith("404 Nothing you may see has this id")


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["1280", "390"])
def test_the_page_passes_the_checks(page: Page, borough: str, person: str, size: dict[str, int]) -> None:
    """No serious axe-core violation, no sideways scroll, no junk text."""
    page.set_viewport_size(size)
    page.goto(person_link(borough, person))
    expect(page.locator("#access-log li").first).to_be_visible()
    assert axe_violations(page) == []
    assert not scrolls_sideways(page)
    assert junk_on_screen(page) is None


def test_a_person_sees_a_registration_refused_under_their_number(page: Page, borough: str) -> None:
    """The team's POST /people with the person's NHS number (409) is on the person's page, in
    words, flagged as refused: never as a read of the story."""
    nhs = unused_nhs_number()
    data = {"given_name": "Ada", "family_name": "Web", "birth_date": "1990-01-01", "nhs_number": nhs}
    person_id = httpx.post(f"{borough}/people", json={"occurred_at": WHEN, "data": data},
                           headers=HUB).json()["person_id"]
    team = {"Authorization": f"Bearer {token('provider', 'cmht-1')}"}
    again = httpx.post(f"{borough}/people", json={"occurred_at": WHEN, "data": data}, headers=team)
    assert again.status_code == 409
    page.goto(person_link(borough, person_id))
    expect(page.locator("#access-log")).to_contain_text("tried to register you again")
    expect(page.locator("#access-log")).not_to_contain_text("read your story")


def unused_nhs_number() -> str:
    """A valid NHS number, random enough to be in no story of the borough."""
    while True:
        first = f"{random.randrange(400_000_000, 999_999_999):09d}"
        digit = nhs_check_digit(first)
        if digit is not None:
            return first + str(digit)
