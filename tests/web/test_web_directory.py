"""In the browser: an administrator changes a provider's unit cost and registers a provider; the
API's field errors are shown beside their fields and nothing is written."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
from playwright.sync_api import Locator, Page, expect
from web_borough import Link, token

pytestmark = pytest.mark.xdist_group("web")
PEER = "peer-1"  # Network: Peer Support


def listed(base: str, provider: str) -> dict[str, Any]:
    """The provider as GET /providers lists it."""
    answer = httpx.get(f"{base}/providers", headers={"Authorization": f"Bearer {token('admin')}"}, timeout=60)
    found: dict[str, Any] = next(p for p in answer.json()["providers"] if p["provider_id"] == provider)
    return found


def row_of(page: Page, name: str) -> Locator:
    """The directory table's row of the provider named ``name``."""
    return page.locator('[data-table="providers"] tr', has=page.locator("th", has_text=name))


def directory(page: Page, link: Link) -> Page:
    """The directory page signed in as an administrator."""
    page.goto(link("admin"))
    expect(page.locator('[data-table="providers"]')).to_be_visible()
    return page


def test_an_administrator_changes_a_unit_cost(page: Page, link: Link, borough: str) -> None:
    """A new contact cost for Peer Support is recorded, listed by the API and shown in the table."""
    before = len(listed(borough, PEER)["costs"])
    directory(page, link).select_option("#costs-provider", PEER)
    page.fill("#costs-unit", "35.50")
    page.click("#costs-form button[type=submit]")
    expect(page.locator("#done")).to_contain_text("Network: Peer Support: a contact now costs £35.50")
    expect(row_of(page, "Network: Peer Support")).to_contain_text("£35.50")
    after = listed(borough, PEER)
    assert (len(after["costs"]), after["unit_cost_gbp"]) == (before + 1, "35.50")


def test_a_cost_that_is_not_money_is_refused_beside_its_field(page: Page, link: Link, borough: str) -> None:
    """"lots" as a contact cost: the API's error is beside the field, the text stays, nothing is written."""
    before = listed(borough, PEER)["costs"]
    directory(page, link).select_option("#costs-provider", PEER)
    page.fill("#costs-unit", "lots")
    page.click("#costs-form button[type=submit]")
    expect(page.locator("#error-costs-unit_cost_gbp")).to_be_visible()
    expect(page.locator("#costs-unit")).to_have_value("lots")
    assert listed(borough, PEER)["costs"] == before


def test_an_administrator_registers_a_provider(page: Page, link: Link, borough: str) -> None:
    """A registered provider appears in the directory by name, with its tier in words."""
    code = f"cmht-{uuid.uuid4().hex[:6]}"
    directory(page, link).fill("#register-name", "Community Mental Health Team North")
    page.fill("#register-code", code)
    page.select_option("#register-tier", "secondary")
    page.select_option("#register-service", "cmht")
    page.fill("#register-unit", "150.00")
    page.click("#register-form button[type=submit]")
    expect(row_of(page, "Community Mental Health Team North")).to_contain_text("Secondary care")
    assert listed(borough, code)["unit_cost_gbp"] == "150.00"


def test_a_code_already_registered_is_refused_beside_the_code(page: Page, link: Link) -> None:
    """Registering "hub" again is answered beside the code field."""
    directory(page, link).fill("#register-name", "Another Hub")
    page.fill("#register-code", "hub")
    page.click("#register-form button[type=submit]")
    expect(page.locator("#error-register-provider_id")).to_contain_text("already registered")
