"""Over HTTP: the page is public but holds no data, and it carries a strict security policy."""

from __future__ import annotations

import re

import httpx
import pytest

pytestmark = pytest.mark.xdist_group("web")


def test_the_page_carries_a_strict_content_security_policy(borough: str) -> None:
    """The page's policy allows only its own scripts, styles and API, and nothing inline."""
    policy = httpx.get(f"{borough}/").headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == "'self'"
    assert directives["connect-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe" not in policy


def test_the_page_and_its_assets_forbid_content_sniffing(borough: str) -> None:
    """The page and its script are sent with X-Content-Type-Options: nosniff and their own types."""
    page, script = httpx.get(f"{borough}/"), httpx.get(f"{borough}/static/sign-in.js")
    assert page.headers["X-Content-Type-Options"] == script.headers["X-Content-Type-Options"] == "nosniff"
    assert script.headers["Content-Type"].startswith("text/javascript")


def test_the_page_has_no_inline_script_or_style(borough: str) -> None:
    """Every script is a file of the page's own; no inline handlers or style attributes."""
    html = httpx.get(f"{borough}/").text
    assert all('src="/static/' in tag for tag in re.findall(r"<script[^>]*>", html))
    assert not re.search(r"\son[a-z]+=|\sstyle=|<style", html)


def test_the_page_is_public_but_the_figures_are_not(borough: str) -> None:
    """Anyone gets the page; the figures it shows still need a token."""
    assert httpx.get(f"{borough}/").status_code == 200
    assert httpx.get(f"{borough}/outcomes/cost?from=2025-01&to=2025-02").status_code == 401


def test_only_the_pages_own_files_are_served_as_static(borough: str) -> None:
    """A static path that is not one of the page's files is 404, whatever it names."""
    for path in ("/static/index.html.bak", "/static/..%2Froutes_web.py", "/static/nothing.js"):
        assert httpx.get(f"{borough}{path}").status_code == 404, path
