"""In the browser: the dashboard's charts have labelled axes and month ticks, mark the Hub's
opening, and name teams and tiers in words."""

from __future__ import annotations

import re
from datetime import date

import pytest
from dashboard_api import outcomes
from playwright.sync_api import Page, expect
from web_borough import Link

pytestmark = pytest.mark.xdist_group("web")
HEADLINES = ("people-supported", "waiting-times", "referrals", "cost", "rehab-moves")


def shown(page: Page, link: Link) -> Page:
    """The commissioner's dashboard over its default months."""
    page.goto(link("commissioner"))
    expect(page.locator('[data-table="spend-by-tier"]')).to_be_visible(timeout=60_000)
    return page


def test_each_headline_has_a_chart_and_its_table(page: Page, link: Link) -> None:
    """Every headline has an SVG chart and the same figures as a table."""
    shown(page, link)
    for metric in HEADLINES:
        section = page.locator(f'section[data-metric="{metric}"]')
        expect(section.locator("svg.ledger-chart")).to_have_count(1)
        expect(section.locator(f'[data-table="{metric}"] table')).to_be_visible()


def test_charts_have_month_ticks_and_units(page: Page, link: Link) -> None:
    """The people-supported chart's x axis names months and its y axis its unit."""
    shown(page, link)
    chart = page.locator('section[data-metric="people-supported"] svg')
    month_tick = re.compile(r"^(Jan|Feb|Mar|Apr|May|Jun) 2025$")
    expect(chart.locator("text", has_text=month_tick).first).to_be_attached()
    expect(chart.locator("text.axis-label")).to_have_text("People")


def test_the_hubs_opening_month_is_marked(page: Page, link: Link, borough: str) -> None:
    """The dashed line names the Hub's first month with anyone supported (it registered earlier)."""
    shown(page, link)
    rows = outcomes(borough, "commissioner", "people-supported", **{"from": "2024-01", "to": "2025-12"})
    first = min(row["month"] for row in rows if row["provider_id"] == "hub")
    opened = date.fromisoformat(f"{first}-01").strftime("%b %Y")  # "Apr 2025"
    expect(page.locator("#status")).to_contain_text(f"the Hub opened in {opened}")


def test_the_default_period_ends_with_the_last_month_with_figures(page: Page, link: Link) -> None:
    """The period defaults to end with the borough's last month of figures."""
    shown(page, link)
    expect(page.locator("#period-to")).to_have_value(re.compile(r"^2025-0[67]$"))


def test_waits_and_spend_name_teams_and_tiers(page: Page, link: Link) -> None:
    """Waits by team name the Community Mental Health Team, never its code; spend is by tier."""
    shown(page, link)
    teams = page.locator('[data-table="team-waits"]')
    expect(teams).to_contain_text("Community Mental Health Team")
    expect(teams).not_to_contain_text("cmht-1")
    expect(page.locator('[data-table="spend-by-tier"]')).to_contain_text("Secondary care")
