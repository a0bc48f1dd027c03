"""Provider lines honour idempotency keys as person lines do: a repeat adds nothing."""

from __future__ import annotations

import json

from import_lines import WHEN

from commands import Ledger
from commands.bulk_import import BulkImport, ImportReport
from ledger.directory import provider_key

HUB = {"type": "ProviderRegistered", "provider_id": "hub", "occurred_at": WHEN,
       "data": {"name": "Hub", "tier": "community", "service": "hub",
                "unit_cost_gbp": "38.00", "bed_day_cost_gbp": "0"}}
COSTS = {"type": "ProviderCostsChanged", "provider_id": "hub", "occurred_at": WHEN,
         "data": {"unit_cost_gbp": "40.00", "bed_day_cost_gbp": "0"}}


def keyed(body: dict[str, object], key: str) -> bytes:
    return json.dumps({**body, "idempotency_key": key}).encode()


def run(ledger: Ledger, lines: list[bytes]) -> ImportReport:
    return BulkImport(ledger, batch_size=10).run(enumerate(lines, start=1), lambda n: None)


def hub_version(ledger: Ledger) -> int:
    return int(ledger.repository.get(provider_key("hub")).version)


def test_a_keyed_registration_sent_again_is_a_repeat(ledger: Ledger) -> None:
    """The second ProviderRegistered with its key is counted as a repeat, not refused."""
    run(ledger, [keyed(HUB, "p-1")])
    again = run(ledger, [keyed(HUB, "p-1")])
    assert (again.appended, again.repeated, again.rejections) == (0, 1, [])


def test_a_keyed_cost_change_sent_again_appends_nothing(ledger: Ledger) -> None:
    """The provider's costs are changed once, however often the file is imported."""
    lines = [keyed(HUB, "p-1"), keyed(COSTS, "p-2")]
    run(ledger, lines)
    again = run(ledger, lines)
    assert (again.appended, again.repeated, hub_version(ledger)) == (0, 2, 2)


def test_a_provider_key_sent_with_a_different_line_is_rejected(ledger: Ledger) -> None:
    """The same key with other costs is refused, naming the key; nothing is appended."""
    run(ledger, [keyed(HUB, "p-1"), keyed(COSTS, "p-2")])
    other = {**COSTS, "data": {"unit_cost_gbp": "41.00", "bed_day_cost_gbp": "0"}}
    again = run(ledger, [keyed(other, "p-2")])
    reasons = [(n, reason.split(":")[0]) for n, reason in again.rejections]
    assert (reasons, hub_version(ledger)) == ([(1, "Idempotency-Key")], 2)


def test_an_unkeyed_registration_sent_again_is_still_refused(ledger: Ledger) -> None:
    """Without a key, a second registration of the same code is refused as before."""
    run(ledger, [json.dumps(HUB).encode()])
    again = run(ledger, [json.dumps(HUB).encode()])
    assert [reason.split(":")[0] for _, reason in again.rejections] == ["provider_id"]
