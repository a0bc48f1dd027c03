"""NDJSON lines in the import format, for the import and audit tests; and another writer that
appends to the lines' person while an import runs."""

from __future__ import annotations

import json
from typing import Any
from uuid import UUID, uuid4

import pytest
from builders import contact, nhs_number

from commands import Ledger

PERSON = str(uuid4())
WHEN = "2025-01-06T09:00:00+00:00"


def line(type_: str, data: dict[str, Any], **envelope: Any) -> bytes:
    """One NDJSON line."""
    body = {"type": type_, "person_id": PERSON, "provider_id": "hub", "staff_id": "s-1",
            "occurred_at": WHEN, "data": data, **envelope}
    return json.dumps(body).encode()


def contact_line(contact_id: str, **changes: Any) -> bytes:
    data = {"contact_id": contact_id, "channel": "telephone", "attendance": "attended",
            "purpose": "drop_in", "duration_minutes": 20, **changes}
    return line("ContactRecorded", data)


HUB = json.dumps({"type": "ProviderRegistered", "provider_id": "hub", "occurred_at": WHEN,
                  "data": {"name": "Hub", "tier": "community", "service": "hub",
                           "unit_cost_gbp": "38.00", "bed_day_cost_gbp": "0"}}).encode()
REGISTERED = line("PersonRegistered", {"nhs_number": nhs_number(7), "given_name": "Ada",
                                       "family_name": "Example", "birth_date": "1990-04-01"})


def another_writer_before_copy(ledger: Ledger, monkeypatch: pytest.MonkeyPatch, copy: int) -> None:
    """Append contact c-9 to the person, as another writer would, just before the import's
    ``copy``-th batch (counting from 1) is copied into the log: that batch loses the race."""
    real_copy = ledger.log_recorder.copy_events
    copies = []

    def copy_after_another_writer(stored: Any) -> None:
        copies.append(len(stored))
        if len(copies) == copy:
            ledger.append(UUID(PERSON), [contact("c-9")])  # lands first, same story
        real_copy(stored)

    monkeypatch.setattr(ledger.log_recorder, "copy_events", copy_after_another_writer)
