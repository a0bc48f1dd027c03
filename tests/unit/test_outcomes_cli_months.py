"""``ledger outcomes`` refuses a bad month range with exit status 2, before touching the store."""

from __future__ import annotations

import pytest
import typer
from typer.testing import CliRunner

from api.cli import figures


def run(*args: str) -> tuple[int, str]:
    """Exit status and output of ``ledger outcomes cost`` with these options."""
    app = typer.Typer()
    figures.register(app)
    answer = CliRunner().invoke(app, ["outcomes", "cost", *args])
    return answer.exit_code, answer.output


@pytest.mark.parametrize(("args", "named"), [
    (("--from", "0000-01", "--to", "0000-01"), "--from"),
    (("--from", "1900-01", "--to", "9998-12"), "--from"),
    (("--from", "2020-01", "--to", "2035-01"), "--to"),
    (("--from", "2025-05", "--to", "2025-03"), "--to"),
    (("--from", "2025-01", "--to", "2025-03", "--baseline-from", "2024-01"), "--baseline-to"),
    (("--from", "2025-01", "--to", "2025-03", "--baseline-from", "2024-03",
      "--baseline-to", "2024-01"), "--baseline-to"),
])
def test_a_bad_range_is_bad_usage_naming_the_option(args: tuple[str, ...], named: str) -> None:
    """Exit status 2, and the message names the option at fault."""
    status, output = run(*args)
    assert status == 2
    assert named in output
