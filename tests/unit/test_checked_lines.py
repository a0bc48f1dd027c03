"""A line checked in a worker process and rebuilt in the importer is the line parsed there."""

from __future__ import annotations

import json

from ledger.checked_lines import checked_chunk, checked_text, decided_chunk, parsed_from
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


def test_a_line_decided_here_is_the_line_a_worker_hands_back() -> None:
    """Without workers a line skips the text, yet is decided as the rebuilt one: the same fields,
    data, instant text, person and key, its short texts interned alike."""
    [(number, here)] = decided_chunk(3, [LINE])
    there = parsed_from(checked_text(parse_line(LINE)))
    assert number == 3
    assert not isinstance(here, str)
    mine, theirs = here.occurrence, there.occurrence
    assert (mine.type, mine.provider_id, mine.staff_id, mine.data()) == (
        theirs.type, theirs.provider_id, theirs.staff_id, theirs.data())
    assert mine.occurred_at.isoformat() == theirs.occurred_at.isoformat()
    assert (here.person_id, here.idempotency_key) == (there.person_id, there.idempotency_key)
    assert mine.provider_id is theirs.provider_id
    assert mine.data()["priority"] is theirs.data()["priority"]


def test_lines_decided_here_refuse_and_skip_as_a_workers_chunk() -> None:
    """The same numbers, the same reasons, blank lines skipped but counted."""
    unborn = json.dumps({"type": "PersonRegistered", "person_id": "3f0c5b52-8f49-4d3c-9a55-0d4b1e2f7a10",
                         "provider_id": "gp-1", "occurred_at": "2024-01-04T11:00:00+00:00",
                         "data": {"given_name": "A", "family_name": "B", "birth_date": "2025-01-01"}})
    nobody = json.dumps({**json.loads(LINE), "person_id": None})
    lines = [LINE, b"", b"{oops", b"\xff", unborn.encode(), nobody.encode()]
    here = [(n, found) for n, found in decided_chunk(7, lines) if isinstance(found, str)]
    there = [(n, text) for n, text, valid in checked_chunk(7, b"\n".join(lines) + b"\n") if not valid]
    assert here == there
    assert [n for n, _ in here] == [9, 10, 11, 12]
