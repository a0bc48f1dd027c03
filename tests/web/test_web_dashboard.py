"""In the browser: a commissioner's dashboard follows the period and baseline chosen, and its
downloads hold the API's own figures."""

from __future__ import annotations

from statistics import mean

import pytest
from dashboard_api import as_csv, borough_wide, choose, downloaded, outcomes, same_number
from playwright.sync_api import Page, expect
from web_borough import Link

pytestmark = pytest.mark.xdist_group("web")
PERIOD = ("2025-04", "2025-06")
BASELINE = ("2025-01", "2025-03")


def opened(page: Page, link: Link, role: str = "commissioner") -> Page:
    """The dashboard signed in as ``role``, with the period and baseline above chosen."""
    page.goto(link(role))
    expect(page.locator('[data-table="people-supported"]')).to_be_visible(timeout=60_000)
    choose(page, *PERIOD, *BASELINE)
    expect(page.locator('[data-table="people-supported"] tbody th')).to_have_text(
        ["Apr 2025", "May 2025", "Jun 2025"], timeout=60_000)
    return page


def test_a_downloaded_table_holds_the_apis_figures(page: Page, link: Link, borough: str) -> None:
    """The referrals CSV for the chosen period and baseline equals the API's answer to the same."""
    opened(page, link)
    rows = downloaded(page, "referrals")
    answer = borough_wide(outcomes(borough, "commissioner", "referrals", **{
        "from": PERIOD[0], "to": PERIOD[1], "baseline_from": BASELINE[0], "baseline_to": BASELINE[1]}))
    header, lines = rows[0], rows[1:]
    assert [line[0] for line in lines] == [row["month"] for row in answer]
    for line, row in zip(lines, answer, strict=True):
        for field, written in zip(header[1:], line[1:], strict=True):
            assert same_number(written, as_csv(row, field)), (row["month"], field, written)
    assert "change_vs_baseline" in header


def test_the_before_after_summary_uses_the_chosen_baseline(page: Page, link: Link, borough: str) -> None:
    """People supported per month: the summary's baseline mean is the mean of the API's baseline months."""
    opened(page, link)
    summary = {line[0] + line[2]: line for line in downloaded(page, "before-after")[1:]}
    baseline = borough_wide(outcomes(borough, "commissioner", "people-supported",
                                **{"from": BASELINE[0], "to": BASELINE[1]}))
    shown = [row["people"] for row in baseline if row["people"] is not None]
    assert float(summary["people-supportedpeople"][5]) == round(mean(shown), 2)


def test_the_address_keeps_the_period_and_baseline(page: Page, link: Link) -> None:
    """After choosing, the address names the months, so a reload shows the same figures."""
    opened(page, link)
    assert "from=2025-04&to=2025-06&baseline_from=2025-01&baseline_to=2025-03" in page.url
    page.reload()
    expect(page.locator("#baseline-to")).to_have_value("2025-03", timeout=60_000)


def test_a_period_ending_before_it_starts_is_refused_beside_the_field(page: Page, link: Link) -> None:
    """A period whose last month comes first is explained beside "Period to", and not asked for."""
    opened(page, link)
    page.fill("#period-to", "2025-02")
    page.click("#period-form button[type=submit]")
    expect(page.locator("#error-to")).to_contain_text("must end on or after")
    expect(page.locator('[data-table="people-supported"] tbody th')).to_have_count(3)


def test_a_commissioner_sees_suppressed_cells_as_such(page: Page, link: Link) -> None:
    """Withheld figures read "suppressed", and a line explains disclosure control."""
    opened(page, link)
    expect(page.locator("td.suppressed").first).to_have_text("suppressed")
    expect(page.locator("#disclosure")).to_contain_text("Disclosure control")


def test_an_analyst_sees_exact_figures(page: Page, link: Link) -> None:
    """An analyst's dashboard has no suppressed cell."""
    opened(page, link, "analyst")
    expect(page.locator("td.suppressed")).to_have_count(0)
