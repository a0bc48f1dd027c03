"""A simulated file carries a stable key per line: imported twice, it adds nothing the second time."""

from __future__ import annotations

from console_script import ledger_command, ledger_env

ARGS = ["simulate", "--people", "20", "--months", "2", "--seed", "3", "--start", "2025-01"]


def simulated(database_url: str, schema: str, *extra: str) -> str:
    """A small borough's lines, from ``ledger simulate``."""
    done = ledger_command([*ARGS, *extra], ledger_env(database_url, schema))
    assert done.returncode == 0, done.stderr
    return done.stdout


def imported(database_url: str, schema: str, text: str) -> tuple[int, str]:
    done = ledger_command(["import", "-"], ledger_env(database_url, schema), text)
    return done.returncode, done.stdout.strip().splitlines()[-1]


def test_a_simulated_file_imported_again_adds_nothing(database_url: str, schema: str) -> None:
    """The second import appends nothing, rejects nothing (providers included) and exits 0."""
    text = simulated(database_url, schema)
    lines = len(text.splitlines())
    assert imported(database_url, schema, text) == (
        0, f"appended {lines} events; rejected 0 lines; skipped 0 repeats")
    assert imported(database_url, schema, text) == (
        0, f"appended 0 events; rejected 0 lines; skipped {lines} repeats")


def test_without_keys_a_simulated_file_imported_again_is_refused(database_url: str,
                                                                schema: str) -> None:
    """``--no-keys`` writes the keyless lines: the second import meets its providers again."""
    text = simulated(database_url, schema, "--no-keys")
    assert "idempotency_key" not in text
    imported(database_url, schema, text)
    assert imported(database_url, schema, text)[0] == 1
