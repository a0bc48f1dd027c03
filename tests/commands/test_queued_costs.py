"""An import's cost changes, written behind the batch before them: the log's order is the file's."""

from __future__ import annotations

import json
import threading
from typing import Any

import pytest
from import_lines import HUB, REGISTERED, WHEN, another_writer_before_copy, contact_line

from commands import Ledger
from commands.bulk_import import BulkImport, ImportReport

COSTS = json.dumps({"type": "ProviderCostsChanged", "provider_id": "hub", "occurred_at": WHEN,
                    "data": {"unit_cost_gbp": "40.00", "bed_day_cost_gbp": "0"}}).encode()
LINES = [HUB, REGISTERED, contact_line("c-1"), COSTS, contact_line("c-2"), contact_line("c-3"),
         COSTS, contact_line("c-4")]


def run(ledger: Ledger, lines: list[bytes], batch_size: int = 10) -> ImportReport:
    return BulkImport(ledger, batch_size=batch_size).run(enumerate(lines, 1), lambda n: None)


def logged(ledger: Ledger) -> list[str]:
    """The log's events in order: each story event by its contact, each cost change by name."""
    named = []
    for notification in ledger.recorder.select_notifications(start=1, limit=100):
        if notification.topic.endswith("ProviderCostsChanged"):
            named.append("costs")
        elif notification.topic.endswith("ContactRecorded"):
            named.append(json.loads(notification.state)["data"]["contact_id"])
    return named


def test_each_cost_change_lands_between_the_lines_around_it(ledger: Ledger) -> None:
    """The log holds the lines in the file's order, both cost changes counted."""
    report = run(ledger, LINES)
    assert (report.appended, report.rejections) == (len(LINES), [])
    assert logged(ledger) == ["c-1", "costs", "c-2", "c-3", "costs", "c-4"]


def test_a_cost_change_for_an_unknown_provider_is_rejected_by_its_number(ledger: Ledger) -> None:
    """The refusal names the provider field; the lines after it land."""
    stranger = COSTS.replace(b'"hub"', b'"nowhere"')
    report = run(ledger, [HUB, REGISTERED, contact_line("c-1"), stranger, contact_line("c-2")])
    assert [(n, reason.split(":")[0]) for n, reason in report.rejections] == [(4, "provider_id")]
    assert logged(ledger) == ["c-1", "c-2"]


def test_a_cost_change_behind_a_batch_that_lost_a_race_follows_its_redone_lines(
    ledger: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The batch before the change conflicts and is redone line by line; the change, left by the
    writer, is saved after those lines."""
    real_change = ledger.change_provider_costs
    savers = []

    def change_noting_the_thread(*args: Any) -> Any:
        savers.append(threading.current_thread().name.split("_")[0])
        return real_change(*args)

    run(ledger, [HUB, REGISTERED], batch_size=10)
    another_writer_before_copy(ledger, monkeypatch, copy=1)
    monkeypatch.setattr(ledger, "change_provider_costs", change_noting_the_thread)
    report = run(ledger, LINES[2:])
    assert (report.appended, report.rejections) == (len(LINES) - 2, [])
    assert logged(ledger) == ["c-9", "c-1", "costs", "c-2", "c-3", "costs", "c-4"]
    assert savers == ["MainThread", "import-writer"]  # the first left to the importer
