"""Metric names come from one table: the CLI offers exactly those, the web page asks only those."""

from __future__ import annotations

import re
from importlib import resources

import pytest
import typer
from typer.testing import CliRunner

from api.cli import figures
from projections.figures.outcomes import METRICS, known_metric


def cli() -> typer.Typer:
    """A command line with the figures' commands only."""
    app = typer.Typer()
    figures.register(app)
    return app


def test_known_metric_refuses_a_name_not_in_the_table() -> None:
    """The one check, naming every metric there is."""
    assert known_metric("cost") == "cost"
    with pytest.raises(ValueError, match=f"^one of {', '.join(METRICS)}$"):
        known_metric("costs")


def test_the_cli_refuses_an_unknown_metric_with_exit_status_2() -> None:
    """``ledger outcomes costs`` is bad usage, and the message lists the metrics."""
    answer = CliRunner().invoke(cli(), ["outcomes", "costs", "--from", "2025-01", "--to", "2025-02"])
    assert answer.exit_code == 2
    assert "people-supported" in answer.output


def test_the_dashboard_asks_only_for_metrics_in_the_table() -> None:
    """Every metric the dashboard's headlines name is one the API answers."""
    script = resources.files("api.web").joinpath("assets/headlines.js").read_text()
    asked = set(re.findall(r'metric: "([a-z-]+)"', script))
    assert asked
    assert asked <= set(METRICS)


def test_the_audit_tools_ask_only_for_metrics_in_the_table() -> None:
    """Every metric the as-of comparison offers is one the API answers."""
    script = resources.files("api.web").joinpath("assets/audit-as-of.js").read_text()
    offered = set(re.findall(r'^  "?([a-z-]+)"?: \["', script, re.MULTILINE))
    assert offered
    assert offered <= set(METRICS)
