"""Figures as published at a cut-off: replayed as of it, and asked as of it, after late corrections."""

from __future__ import annotations

import json
import subprocess

from console_script import LEDGER, ledger_env
from replay_borough import Published, all_figures

from commands.audit_log import AuditLog
from projections.facts.runner import build_view
from replay.run import ReplayRequest, replay


def test_a_replay_as_of_the_cut_off_reproduces_the_published_figures(published: Published) -> None:
    """Rebuilt from the log as of the cut-off, every figure equals the one published then."""
    request = ReplayRequest(as_of=published.cut_off, keep=True)
    outcome = replay(published.env, request, app=published.ledger)
    assert outcome.kept_schema is not None
    kept = build_view({**published.env, "FIGURES_POSTGRES_SCHEMA": outcome.kept_schema})
    try:
        assert all_figures(kept) == published.figures
    finally:
        kept.datastore.close()


def test_the_live_figures_now_differ_from_the_published_ones(published: Published) -> None:
    """The late entries and retractions change the figures as known now."""
    now = all_figures(published.runner.view)
    assert now["cost"] != published.figures["cost"]


def test_figures_asked_as_of_the_cut_off_equal_the_published_ones(published: Published) -> None:
    """Late entries recorded afterwards do not count; retractions recorded afterwards do not apply."""
    assert all_figures(published.runner.view, as_of=published.cut_off) == published.figures


def test_a_replay_as_of_the_cut_off_verifies_against_the_live_facts_then(published: Published) -> None:
    """With --as-of and --verify, the rebuilt facts equal the live facts recorded by the cut-off."""
    request = ReplayRequest(as_of=published.cut_off, verify=True)
    outcome = replay(published.env, request, app=published.ledger)
    assert (outcome.differences, outcome.report.events > 0) == ([], True)


def test_a_replay_now_includes_the_corrections(published: Published) -> None:
    """Without --as-of the rebuild verifies against the corrected live facts."""
    outcome = replay(published.env, ReplayRequest(verify=True), app=published.ledger)
    assert outcome.differences == []


def test_ledger_outcomes_as_of_the_cut_off_prints_the_published_figures(
    published: Published, database_url: str
) -> None:
    """``ledger outcomes --as-of`` answers as the figures stood, and the audit log says who asked."""
    env = ledger_env(database_url, published.env["POSTGRES_SCHEMA"])
    command = [LEDGER, "outcomes", "cost", "--from", "2025-01", "--to", "2025-06", "--exact",
               "--as-of", published.cut_off.isoformat()]
    answer = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60, check=False)
    assert json.loads(answer.stdout)["rows"] == published.figures["cost"]
    with AuditLog(env=published.env) as audit_log:
        assert audit_log.entries()[-1].action == "as_of_outcomes"
