"""Over HTTP: the sign-in page, the dashboard, the audit tools, the directory and /docs are public
files, the same for every role and for none (the API decides what they can show), and the
vendored D3 is served as a script of the ledger's own."""

from __future__ import annotations

import httpx
import pytest
from web_borough import token

pytestmark = pytest.mark.xdist_group("web")
PAGES = ("/", "/dashboard", "/audit", "/directory", "/docs")
ROLES = [("provider", "hub"), ("key_worker", "hub"), ("analyst", None), ("commissioner", None),
         ("admin", None), ("privacy_officer", None)]


@pytest.mark.parametrize("path", PAGES)
def test_each_page_is_the_same_for_every_role_and_for_none(borough: str, path: str) -> None:
    """Every role's token, and no token, gets the same 200 page with the strict policy."""
    anonymous = httpx.get(f"{borough}{path}")
    assert anonymous.status_code == 200
    assert "default-src 'none'" in anonymous.headers["Content-Security-Policy"]
    for role, provider in ROLES:
        answer = httpx.get(f"{borough}{path}", headers={"Authorization": f"Bearer {token(role, provider)}"})
        assert (answer.status_code, answer.text) == (200, anonymous.text), role


def test_the_charting_library_is_served_from_the_ledger(borough: str) -> None:
    """D3 7.9.0 comes from /static/vendor as JavaScript, and the dashboard loads it from there."""
    script = httpx.get(f"{borough}/static/vendor/d3-7.9.0/d3.min.js")
    assert script.status_code == 200
    assert script.headers["Content-Type"].startswith("text/javascript")
    assert script.text.startswith("// https://d3js.org v7.9.0")
    assert '<script src="/static/vendor/d3-7.9.0/d3.min.js">' in httpx.get(f"{borough}/dashboard").text
