"""In the browser: the sign-in page, the dashboard, the audit tools, the directory and /docs pass
the page checks (axe-core serious/critical, no sideways scroll, no junk text) at desktop and phone
width for each role they are for, and tell a role they are not for so."""

from __future__ import annotations

import pytest
from page_checks import DESKTOP, PHONE, axe_violations, junk_on_screen, scrolls_sideways
from playwright.sync_api import Page, expect
from web_borough import Link

pytestmark = pytest.mark.xdist_group("web")
READY = {  # what shows once a page has everything it reads
    "/dashboard": '[data-table="spend-by-tier"]', "/audit": '[data-table="audit-log"]',
    "/directory": '[data-table="providers"]', "/docs": ".ledger-route", "/": "#sign-in",
}
FOR = [("/dashboard", "commissioner"), ("/dashboard", "analyst"), ("/audit", "analyst"),
       ("/directory", "admin"), ("/docs", None), ("/", None)]
NOT_FOR = [("/dashboard", "admin", "administrator"), ("/dashboard", "key_worker", "key worker"),
           ("/audit", "commissioner", "commissioner"), ("/directory", "analyst", "analyst")]


def visit(page: Page, link: Link, borough: str, path: str, role: str | None) -> None:
    """Opens the page signed in as ``role`` (or signed out)."""
    if role is None:
        page.goto(borough + path)
    else:
        page.goto(link(role, "cmht-1" if role == "key_worker" else None).replace("/#", f"{path}#"))


def checked(page: Page) -> list[str]:
    """Every fault the page checks find, one line each."""
    faults = axe_violations(page)
    if scrolls_sideways(page):
        faults.append("scrolls sideways")
    if junk := junk_on_screen(page):
        faults.append(f"shows {junk}")
    return faults


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["1280", "390"])
@pytest.mark.parametrize(("path", "role"), FOR)
def test_each_page_passes_the_checks_for_its_roles(page: Page, link: Link, borough: str, path: str,
                                                   role: str | None, size: dict[str, int]) -> None:
    """The page, filled for its role, has no serious axe fault, no sideways scroll, no junk."""
    page.set_viewport_size(size)
    visit(page, link, borough, path, role)
    expect(page.locator(READY[path]).first).to_be_visible(timeout=60_000)
    assert checked(page) == []


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["1280", "390"])
@pytest.mark.parametrize(("path", "role", "called"), NOT_FOR)
def test_a_role_a_page_is_not_for_is_told_so(page: Page, link: Link, borough: str, path: str,
                                            role: str, called: str, size: dict[str, int]) -> None:
    """The page says it is not for that role, reads nothing more, and still passes the checks."""
    page.set_viewport_size(size)
    visit(page, link, borough, path, role)
    expect(page.locator("#problem")).to_have_text(f"This page is not for a {called}.")
    expect(page.locator(READY[path])).to_have_count(0)
    assert checked(page) == []
