"""Web page fixtures: the simulated borough served on a real port, and headless Chromium.

The borough is built once per test worker and its figures caught up before serving; the web tests
share one xdist group so that one worker builds it. Chromium is Debian's (/usr/bin/chromium,
installed by `make browser`), never one downloaded by Playwright.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from api_journeys import SIGNING_KEY
from api_server import running
from playwright.sync_api import Browser, Page, sync_playwright
from web_pages import CHROMIUM, CHROMIUM_ARGS, Link, borough_settings, token

from api.http.app import create_app


@pytest.fixture(scope="session")
def borough(database_url: str) -> Iterator[str]:
    """The ledger over the simulated borough, served by uvicorn; answers its base URL."""
    with running(create_app(borough_settings(database_url))) as base:
        yield base


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Debian Chromium driven by Playwright."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh tab with its own session storage."""
    context = browser.new_context()
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


@pytest.fixture
def link(borough: str) -> Link:
    """The page's sign-in link for a role: ``link("provider", "hub")``; ``key=`` forges it."""
    def sign_in_link(role: str, provider: str | None = None, key: str = SIGNING_KEY) -> str:
        return f"{borough}/#token={token(role, provider, key)}"

    return sign_in_link
