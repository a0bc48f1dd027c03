"""/docs: the API's routes as a plain page read from /openapi.json, asking nothing of any other site."""

from __future__ import annotations

import httpx
import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.xdist_group("web")


def test_docs_lists_every_route_of_the_openapi_document(page: Page, borough: str) -> None:
    """Each method and path of /openapi.json is a heading on /docs."""
    spec = httpx.get(f"{borough}/openapi.json").json()
    routes = sorted(f"{method.upper()} {path}" for path, item in spec["paths"].items() for method in item)
    page.goto(borough + "/docs")
    expect(page.locator(".ledger-route").first).to_be_visible()
    assert sorted(page.locator(".ledger-route h3").all_inner_texts()) == routes


def test_docs_asks_nothing_of_any_other_site(page: Page, borough: str) -> None:
    """Every request the page makes goes to the ledger itself (it works on a closed network)."""
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(borough + "/docs")
    expect(page.locator(".ledger-route").first).to_be_visible()
    assert asked
    assert all(url.startswith(borough + "/") for url in asked), asked


def test_docs_is_public_and_carries_the_strict_policy(borough: str) -> None:
    """Anyone gets /docs, with the pages' Content-Security-Policy."""
    answer = httpx.get(f"{borough}/docs")
    assert answer.status_code == 200
    assert "script-src 'self'" in answer.headers["Content-Security-Policy"]
