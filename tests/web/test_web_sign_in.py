"""In the browser: signing in by link or pasted token, refused tokens, signing out, no data before."""

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
    expect(page.locator("table.figures, #waiting-list tbody tr")).to_have_count(0)


def test_a_link_token_leaves_the_address_bar(page: Page, link: Link, borough: str) -> None:
    """Arriving with #token= keeps the token in session storage and takes it out of the URL."""
    page.goto(link("commissioner"))
    expect(page.locator("#figures")).to_be_visible()
    assert page.url == borough + "/"
    assert page.evaluate("sessionStorage.getItem('ledger.token')")


def test_a_forged_token_shows_the_sign_in_error(page: Page, link: Link) -> None:
    """A token signed with another key is refused: the sign-in box returns with the reason."""
    page.goto(link("commissioner", key=FORGED_KEY))
    expect(page.locator("#problem")).to_contain_text("did not accept your token")
    expect(page.locator("#sign-in")).to_be_visible()
    expect(page.locator("#figures")).to_be_hidden()


def test_a_pasted_token_signs_in(page: Page, borough: str) -> None:
    """Pasting an analyst's token into the sign-in box shows the figures."""
    page.goto(borough + "/")
    page.fill("#token", token("analyst", key=SIGNING_KEY))
    page.click("#sign-in-form button[type=submit]")
    expect(page.locator('table[data-metric="people-supported"]')).to_be_visible()


def test_a_pasted_scrap_of_text_is_explained(page: Page, borough: str) -> None:
    """Text that is not a token at all is explained without asking the API."""
    page.goto(borough + "/")
    page.fill("#token", "hello")
    page.click("#sign-in-form button[type=submit]")
    expect(page.locator("#problem")).to_contain_text("not a ledger token")


def test_signing_out_forgets_the_token_and_the_figures(page: Page, link: Link) -> None:
    """Sign out empties the page and the session's token."""
    page.goto(link("commissioner"))
    expect(page.locator("table.figures").first).to_be_visible()
    page.click("#sign-out")
    expect(page.locator("#sign-in")).to_be_visible()
    expect(page.locator("table.figures")).to_have_count(0)
    assert page.evaluate("sessionStorage.getItem('ledger.token')") is None


def test_an_administrator_is_told_the_page_has_nothing_for_them(page: Page, link: Link) -> None:
    """An administrator's token shows a pointer to the API instead of figures."""
    page.goto(link("admin"))
    expect(page.locator("#nothing")).to_be_visible()


def test_the_page_runs_within_its_content_security_policy(page: Page, link: Link) -> None:
    """Signing in and showing figures raises no console errors (so no policy violations)."""
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(link("commissioner"))
    expect(page.locator("svg.chart").first).to_be_visible()
    assert errors == []
