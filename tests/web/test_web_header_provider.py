"""The page header names the signed-in staff member's provider as the directory does (GET
/providers), not by its code; a code the directory lacks stays as it is."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from worklist_pages import TEAM, api, signed_in

pytestmark = pytest.mark.xdist_group("web")


def directory_name(borough: str, code: str) -> str:
    """The provider's name in the API's directory."""
    providers = api(borough, "/providers")["providers"]
    return str(next(p["name"] for p in providers if p["provider_id"] == code))


@pytest.mark.parametrize(("role", "path"), [("provider", "/waiting-list"), ("key_worker", "/my-people")])
def test_the_header_names_the_provider(page: Page, borough: str, role: str, path: str) -> None:
    """Staff of the team see its name from the directory beside who they are."""
    name = directory_name(borough, TEAM)
    assert name != TEAM
    page.goto(signed_in(borough, path, role))
    expect(page.locator(".ledger-who .ledger-provider")).to_have_text(name)


def test_a_code_the_directory_lacks_stays_a_code(page: Page, borough: str) -> None:
    """A token for a provider not in the directory shows its code, and no problem banner."""
    page.goto(signed_in(borough, "/search", "provider", provider="nowhere-1"))
    expect(page.locator(".ledger-who .ledger-provider")).to_have_text("nowhere-1")
    expect(page.locator("#problem")).to_be_hidden()
