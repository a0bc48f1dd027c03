"""Every page is served with the head the pages share, once, first in its ``<head>``: the
character set, viewport, referrer policy, the NHS.UK style sheet before the page's own, the icon;
and the pages read signed out with the ledger's header in the place they hold for it."""

from __future__ import annotations

import re

import pytest

from api.web.pages import PAGE_NAMES, SHARED_HEAD, page_response

NHS_STYLE = "/static/vendor/nhsuk-frontend-10.6.1/nhsuk-frontend.min.css"


def served(name: str) -> str:
    """The page's HTML as it is served."""
    return bytes(page_response(name).body).decode("utf-8")


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_the_shared_head_opens_each_pages_head_once(name: str) -> None:
    """The shared lines come straight after ``<head>``, and only there."""
    html = served(name)
    assert html.count(SHARED_HEAD.decode()) == 1
    assert f"<head>{SHARED_HEAD.decode()}" in html


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_the_nhs_style_sheet_comes_before_the_pages_own(name: str) -> None:
    """The page's own style sheets follow the design system's, so theirs win the cascade."""
    sheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', served(name))
    assert sheets[0] == NHS_STYLE
    assert NHS_STYLE not in sheets[1:]


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_each_page_keeps_its_own_title_and_script(name: str) -> None:
    """What differs between pages stays in the page: a title and a module script."""
    html = served(name)
    assert re.search(r"<title>[^<]+ \u2013 Care-journey ledger</title>", html)
    assert re.search(r'<script type="module" src="/static/[a-z-]+\.js"></script>', html)


@pytest.mark.parametrize("name", ["index", "docs"])
def test_the_pages_read_signed_out_are_served_with_the_ledgers_header(name: str) -> None:
    """The sign-in page and /docs show the NHS.UK header with the ledger's name, linking home."""
    html = served(name)
    assert html.count('<header class="nhsuk-header" role="banner">') == 1
    assert '<a class="nhsuk-header__service-name" href="/">Care-journey ledger</a>' in html


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_no_page_is_served_with_the_signed_out_headers_place(name: str) -> None:
    """The place held for the signed-out header never reaches a browser."""
    assert 'id="signed-out-header"' not in served(name)
