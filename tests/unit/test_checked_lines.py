"""A line checked in a worker process and rebuilt in the importer is the line parsed there."""

from __future__ import annotations

import json

from ledger.checked_lines import checked_chunk, checked_text, parsed_from
from ledger.event_lines import parse_line

LINE = json.dumps({
    "type": "ReferralMade", "person_id": "3f0c5b52-8f49-4d3c-9a55-0d4b1e2f7a10",
    "provider_id": "gp-1", "staff_id": "s-2", "occurred_at": "2024-01-04T11:00:00+01:00",
    "idempotency_key": "r-1-made", "data": {"referral_id": "r-1", "to_provider_id": "hub",
                                            "priority": "routine", "source": "gp",
                                            "needs": ["housing"]}}).encode()


def test_a_rebuilt_line_has_the_parsed_lines_every_field() -> None:
    """Type, person, providers, the instant with its offset, the data and the key."""
    parsed, rebuilt = parse_line(LINE), parsed_from(checked_text(parse_line(LINE)))
    here, there = parsed.occurrence, rebuilt.occurrence
    assert (there.type, there.provider_id, there.staff_id, there.data()) == (
        here.type, here.provider_id, here.staff_id, here.data())
    assert there.occurred_at.isoformat() == here.occurred_at.isoformat()
    assert (rebuilt.person_id, rebuilt.idempotency_key) == (parsed.person_id, parsed.idempotency_key)


def test_a_chunk_numbers_its_lines_from_the_first_skipping_blank_ones() -> None:
    """A blank line is skipped but counted; a bad line is refused with its number."""
    verdicts = checked_chunk(7, LINE + b"\n\n{oops\n")
    assert [(number, valid) for number, _, valid in verdicts] == [(7, True), (9, False)]
