"""Web page fixtures: the simulated borough served on a real port, and headless Chromium.

The borough is built once per test worker and its figures caught up before serving; the web tests
share one xdist group so that one worker builds it. Chromium is the system's (see system_chromium:
without it these tests are left out, or fail when LEDGER_REQUIRE_BROWSER=1).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from api_journeys import SIGNING_KEY
from api_server import running, serving
from playwright.sync_api import Browser, Page, sync_playwright
from system_chromium import CHROMIUM, CHROMIUM_ARGS, REQUIRED, chromium_missing, why_not
from web_borough import Link, borough_settings, token

from api.http.app import create_app
from api.settings import Settings


@pytest.fixture(scope="session")
def borough(database_url: str) -> Iterator[str]:
    """The ledger over the simulated borough, served by uvicorn; answers its base URL."""
    with running(create_app(borough_settings(database_url))) as base:
        yield base


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless system Chromium driven by Playwright; without it a skip, or a failure once required."""
    if chromium_missing():
        pytest.fail(why_not()) if REQUIRED else pytest.skip(why_not())
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
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


@pytest.fixture
def front_door(database_url: str, schema: str) -> Iterator[str]:
    """A ledger of its own (the tests' providers, the Hub among them) served for the front door's
    pages, its per-address limit raised for a browser that sends many requests."""
    settings = Settings(database_url=database_url, schema_name=schema, signing_key=SIGNING_KEY,
                        self_referral_limit=100)
    with serving(create_app(settings)) as base:
        yield base
