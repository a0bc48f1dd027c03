"""What every page must pass, at any width and for any role: axe-core, no sideways scroll, no junk.

``axe_violations(page)`` runs the vendored axe-core (tests/web/vendor, never served) in the page
and answers the serious and critical violations as ``"rule-id: selector"`` lines;
``scrolls_sideways(page)`` is true when the document is wider than the window;
``junk_on_screen(page)`` answers the first of ``undefined``, ``NaN``, ``[object Object]`` or
``null`` shown as text, or None.
"""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page

AXE = Path(__file__).parent / "web" / "vendor" / "axe-core-4.14.1.min.js"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
JUNK = re.compile(r"\b(undefined|NaN|null)\b|\[object Object\]")
RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations
    .filter(v => v.impact === "serious" || v.impact === "critical")
    .flatMap(v => v.nodes.map(n => `${v.id}: ${n.target.join(" ")}`));
}"""


def axe_violations(page: Page) -> list[str]:
    """The page's serious and critical axe-core violations, one line each."""
    page.evaluate(AXE.read_text(encoding="utf-8"))  # through DevTools: the page's CSP still holds
    found: list[str] = page.evaluate(RUN_AXE)
    return found


def scrolls_sideways(page: Page) -> bool:
    """Whether the page is wider than its window (it would scroll sideways)."""
    return bool(page.evaluate(
        "() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1"
    ))


def junk_on_screen(page: Page) -> str | None:
    """The first ``undefined``/``NaN``/``null``/``[object Object]`` in the visible text, or None."""
    match = JUNK.search(page.inner_text("body"))
    return match.group(0) if match else None
