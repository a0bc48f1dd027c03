"""In the browser: commissioners and analysts see the borough's headline figures by month."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect
from web_borough import Link

pytestmark = pytest.mark.xdist_group("web")
HEADLINES = ("people-supported", "waiting-times", "referrals", "cost", "rehab-moves")


def test_a_commissioner_sees_every_headline_table(page: Page, link: Link) -> None:
    """A commissioner's link shows a table for each headline figure."""
    page.goto(link("commissioner"))
    for metric in HEADLINES:
        expect(page.locator(f'table[data-metric="{metric}"]')).to_be_visible()


def test_a_commissioner_sees_numbers_for_the_months_of_the_borough(page: Page, link: Link) -> None:
    """People supported in March 2025 (borough-wide) is a number rounded to the nearest 5."""
    page.goto(link("commissioner"))
    row = page.locator('table[data-metric="people-supported"] tr', has=page.locator("th", has_text="2025-03"))
    expect(row.locator("td").nth(1)).to_have_text(re.compile(r"^\d*[05]$"))


def test_the_default_range_ends_with_the_last_month_with_figures(page: Page, link: Link) -> None:
    """The month range defaults to the borough's months, ending with its last month of figures."""
    page.goto(link("commissioner"))
    expect(page.locator("#range-to")).to_have_value(re.compile(r"^2025-0[67]$"))


def test_a_commissioner_sees_small_figures_as_suppressed(page: Page, link: Link) -> None:
    """Figures withheld by disclosure control read "suppressed (<5)", never a number."""
    page.goto(link("commissioner"))
    expect(page.locator("td.suppressed").first).to_have_text("suppressed (<5)")


def test_a_month_range_shows_just_those_months(page: Page, link: Link) -> None:
    """Choosing February to April 2025 shows three months in each table."""
    page.goto(link("commissioner"))
    expect(page.locator('table[data-metric="cost"]')).to_be_visible()
    page.fill("#range-from", "2025-02")
    page.fill("#range-to", "2025-04")
    page.click("#range-form button[type=submit]")
    months = page.locator('table[data-metric="cost"] tbody th')
    expect(months).to_have_text(["2025-02", "2025-03", "2025-04"])


def test_an_analyst_sees_exact_figures(page: Page, link: Link) -> None:
    """An analyst sees no suppressed figures at all."""
    page.goto(link("analyst"))
    expect(page.locator('table[data-metric="rehab-moves"]')).to_be_visible()
    expect(page.locator("td.suppressed")).to_have_count(0)


def test_each_headline_has_a_line_chart(page: Page, link: Link) -> None:
    """Every headline table comes with an inline SVG chart."""
    page.goto(link("commissioner"))
    expect(page.locator("svg.chart")).to_have_count(len(HEADLINES))
