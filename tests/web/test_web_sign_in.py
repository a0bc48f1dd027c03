"""In the browser: signing in by link or pasted token opens the role's home page; refused tokens,
signing out, `?next=`, and no data before sign-in."""

from __future__ import annotations

import pytest
from api_journeys import SIGNING_KEY
from playwright.sync_api import Page, expect
from web_borough import Link, token

pytestmark = pytest.mark.xdist_group("web")
FORGED_KEY = "not-the-ledger-key-" + "y" * 32


def test_the_page_holds_no_data_before_sign_in(page: Page, borough: str) -> None:
    """Before sign-in the page shows only the sign-in box and asks the API for nothing."""
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url.removeprefix(borough)))
    page.goto(borough + "/")
    expect(page.locator("#sign-in")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert all(path == "/" or path.startswith("/static/") for path in asked), asked


def test_a_link_token_opens_the_roles_home_and_leaves_the_address_bar(
    page: Page, link: Link, borough: str
) -> None:
    """A commissioner's #token= link lands on the dashboard; the token is in session storage only."""
    page.goto(link("commissioner"))
    expect(page.locator('[data-table="people-supported"]')).to_be_visible(timeout=60_000)
    assert page.url.startswith(borough + "/dashboard")
    assert "token" not in page.url
    assert page.evaluate("sessionStorage.getItem('ledger.token')")


def test_an_administrator_lands_on_the_directory(page: Page, link: Link, borough: str) -> None:
    """Each role's home is the first of its pages: an administrator's is the provider directory."""
    page.goto(link("admin"))
    expect(page.locator('[data-table="providers"]')).to_be_visible()
    assert page.url == borough + "/directory"


def test_a_forged_token_returns_to_sign_in_with_the_reason(page: Page, link: Link) -> None:
    """A token signed with another key is refused: the sign-in box returns with the reason."""
    page.goto(link("commissioner", key=FORGED_KEY))
    expect(page.locator("#problem")).to_contain_text("did not accept your token")
    expect(page.locator("#sign-in")).to_be_visible()
    assert page.evaluate("sessionStorage.getItem('ledger.token')") is None


def test_a_pasted_token_signs_in(page: Page, borough: str) -> None:
    """Pasting an analyst's token into the sign-in box opens the borough figures."""
    page.goto(borough + "/")
    page.fill("#token", token("analyst", key=SIGNING_KEY))
    page.click("#sign-in-form button[type=submit]")
    expect(page.locator('[data-table="people-supported"]')).to_be_visible(timeout=60_000)


def test_a_pasted_scrap_of_text_is_explained(page: Page, borough: str) -> None:
    """Text that is not a token at all is explained without asking the API."""
    page.goto(borough + "/")
    page.fill("#token", "hello")
    page.click("#sign-in-form button[type=submit]")
    expect(page.locator("#problem")).to_contain_text("not a ledger token")


def test_a_page_opened_without_a_token_comes_back_after_sign_in(page: Page, borough: str) -> None:
    """Opening /audit signed out asks for a token, then returns to /audit (``?next=``)."""
    page.goto(borough + "/audit")
    expect(page.locator("#sign-in")).to_be_visible()
    page.fill("#token", token("analyst"))
    page.click("#sign-in-form button[type=submit]")
    expect(page.locator('[data-table="audit-log"]')).to_be_visible()
    assert page.url == borough + "/audit"


def test_a_next_page_on_another_site_is_ignored(page: Page, borough: str) -> None:
    """``?next=//elsewhere`` never leaves the ledger: the role's home opens instead."""
    page.goto(borough + "/?next=//example.org/")
    page.fill("#token", token("admin"))
    page.click("#sign-in-form button[type=submit]")
    expect(page.locator('[data-table="providers"]')).to_be_visible()
    assert page.url == borough + "/directory"


def test_signing_out_forgets_the_token(page: Page, link: Link) -> None:
    """Sign out returns to the sign-in box, says so, and empties the session's token."""
    page.goto(link("commissioner"))
    expect(page.locator('[data-table="people-supported"]')).to_be_visible(timeout=60_000)
    page.click(".ledger-who button")
    expect(page.locator("#sign-in")).to_be_visible()
    expect(page.locator("#problem")).to_have_text("You have signed out.")
    assert page.evaluate("sessionStorage.getItem('ledger.token')") is None


def test_a_role_without_pages_is_pointed_to_the_api(page: Page, link: Link) -> None:
    """A privacy officer (no pages yet) is told so and pointed to the API's routes."""
    page.goto(link("privacy_officer"))
    expect(page.locator("#nothing")).to_contain_text("its routes")


def test_the_dashboard_runs_within_its_content_security_policy(page: Page, link: Link) -> None:
    """Signing in and drawing the charts raises no console errors (so no policy violations)."""
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(link("commissioner"))
    expect(page.locator('[data-table="spend-by-tier"]')).to_be_visible(timeout=60_000)
    assert errors == []
