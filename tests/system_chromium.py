"""The system's Chromium for the web tests (Debian's /usr/bin/chromium, never a Playwright download).

A pytest plugin: with no Chromium the tests that drive a browser are deselected and the run ends
with one loud line saying so; with ``LEDGER_REQUIRE_BROWSER=1`` (as CI sets) they run, and fail.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WEB_TESTS = Path(__file__).parent / "web"
REQUIRED = os.environ.get("LEDGER_REQUIRE_BROWSER") == "1"


def chromium_missing() -> bool:
    """Whether the system Chromium is absent (or not executable)."""
    return not os.access(CHROMIUM, os.X_OK)


def why_not() -> str:
    """The one line a run without Chromium prints, and the failure CI reports."""
    return (f"web tests NOT RUN: no Chromium at {CHROMIUM} (install Debian's chromium; "
            "LEDGER_REQUIRE_BROWSER=1 turns this into a failure)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Leave out the tests that drive a browser when there is no Chromium, unless it is required."""
    if not chromium_missing() or REQUIRED:
        return
    left_out = [item for item in items if "browser" in getattr(item, "fixturenames", ())]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = [item for item in items if item not in left_out]


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    """Say once, loudly, that the browser tests were left out, when the run would have held them."""
    if chromium_missing() and not REQUIRED and _run_covers_web_tests(config):
        terminalreporter.write_sep("!", why_not(), yellow=True, bold=True)


def _run_covers_web_tests(config: pytest.Config) -> bool:
    here = config.invocation_params.dir
    for arg in config.args:
        path = (here / arg.split("::")[0]).resolve()
        if path == WEB_TESTS or WEB_TESTS in path.parents or path in WEB_TESTS.parents:
            return True
    return False
