"""Bulk import: valid lines land in batches; each bad line is reported and writes nothing."""

from __future__ import annotations

from uuid import UUID, uuid4

import pytest
from builders import contact
from import_lines import HUB, PERSON, REGISTERED, another_writer_before_copy, contact_line, line

from commands import Ledger
from commands.bulk_import import BulkImport, ImportReport

CONTACT = {"channel": "telephone", "attendance": "attended", "purpose": "drop_in",
           "duration_minutes": 20}

BAD_LINES = {
    "bad JSON": b'{"type": "ContactRecorded", ',
    "wrong type": contact_line("c-x", duration_minutes="twenty"),
    "unknown event type": line("ContactTeleported", {}),
    "unknown enumeration": contact_line("c-y", channel="carrier_pigeon"),
    "bad NHS number": line("DetailsUpdated", {"nhs_number": "9434765918"}),
    "offset-less instant": contact_line("c-z").replace(b"+00:00", b""),
    "future instant": contact_line("c-f").replace(b"2025-01-06", b"2099-01-06"),
    "NUL byte": contact_line("c-n", summary="a\u0000b"),
    "raw NUL byte": contact_line("c-m").replace(b"telephone", b"tele\x00phone"),
    "not UTF-8": contact_line("c-u").replace(b"telephone", b"tel\xffphone"),
}


def run(ledger: Ledger, lines: list[bytes], batch_size: int = 3) -> ImportReport:
    return BulkImport(ledger, batch_size=batch_size).run(enumerate(lines, start=1), lambda n: None)


@pytest.fixture
def report(ledger: Ledger) -> ImportReport:
    """A file whose valid lines interleave with one of each kind of bad line."""
    lines = [HUB, REGISTERED]
    for number, bad in enumerate(BAD_LINES.values()):
        lines += [bad, contact_line(f"c-{number}")]
    return run(ledger, lines)


def test_every_valid_line_lands(ledger: Ledger, report: ImportReport) -> None:
    """The provider, the registration and ten contacts are stored."""
    assert report.appended == 2 + len(BAD_LINES)
    assert ledger.story(UUID(PERSON)).version == 1 + len(BAD_LINES)


def test_every_bad_line_is_reported_with_its_number(report: ImportReport) -> None:
    """Bad lines are the odd-numbered ones after the first two."""
    assert [number for number, _ in sorted(report.rejections)] == [3 + 2 * n for n in range(10)]


def test_each_rejection_names_the_field_at_fault(report: ImportReport) -> None:
    """The reason says what was wrong."""
    reasons = dict(report.rejections)
    assert reasons[3].startswith("line: not valid JSON")
    assert reasons[5].startswith("data.duration_minutes")
    assert reasons[7].startswith("type: unknown event type")
    assert reasons[11].startswith("data.nhs_number")
    assert reasons[13].startswith("occurred_at")
    assert "future" in reasons[15]


@pytest.mark.parametrize("bad", [
    line("PersonRegistered", {"given_name": "Ada", "family_name": "Example",
                              "birth_date": "2025-01-07"}, person_id=str(uuid4())),
    line("DetailsUpdated", {"birth_date": "2099-04-01"}),
], ids=["registration", "details update"])
def test_a_birth_date_after_the_event_is_rejected(ledger: Ledger, bad: bytes) -> None:
    """A birth date later than the day the event occurred is refused, naming the field."""
    report = run(ledger, [HUB, REGISTERED, bad])
    assert report.appended == 2
    assert [(n, reason.split(":")[0]) for n, reason in report.rejections] == [(3, "data.birth_date")]


def test_a_duplicate_line_inside_a_batch_is_rejected_alone(ledger: Ledger) -> None:
    """The same contact twice: the second is refused by the guard, the first lands."""
    report = run(ledger, [HUB, REGISTERED, contact_line("c-1"), contact_line("c-1")], batch_size=10)
    assert (report.appended, [n for n, _ in report.rejections]) == (3, [4])


def test_reimporting_a_file_with_idempotency_keys_appends_nothing(ledger: Ledger) -> None:
    """Lines carrying keys are safe to send twice."""
    keyed = [line("ConsentRecorded", {"scope": "research", "given": True}, idempotency_key="c1")]
    run(ledger, [HUB, REGISTERED, *keyed])
    again = run(ledger, keyed)
    assert (again.appended, again.repeated, ledger.story(UUID(PERSON)).version) == (0, 1, 2)


def test_a_key_sent_again_with_a_different_line_is_rejected(ledger: Ledger) -> None:
    """The key's fingerprint covers the line's data, also for lines rebuilt from checked text."""
    run(ledger, [HUB, REGISTERED, line("ContactRecorded", {**CONTACT, "contact_id": "c-1"},
                                       idempotency_key="k-1")])
    again = run(ledger, [line("ContactRecorded", {**CONTACT, "contact_id": "c-2"},
                              idempotency_key="k-1")])
    assert [(n, reason.split(":")[0]) for n, reason in again.rejections] == [(1, "Idempotency-Key")]


def test_a_keyed_line_twice_in_one_batch_lands_once(ledger: Ledger) -> None:
    """The second is a repeat of the first, decided within the batch."""
    keyed = line("ContactRecorded", {**CONTACT, "contact_id": "c-1"}, idempotency_key="k-1")
    report = run(ledger, [HUB, REGISTERED, keyed, keyed], batch_size=10)
    assert (report.appended, report.repeated, ledger.story(UUID(PERSON)).version) == (3, 1, 2)


def test_a_story_saved_by_another_writer_mid_import_is_not_overwritten(ledger: Ledger) -> None:
    """A batch that loses a race falls back to one line at a time and loses nothing."""
    importer = BulkImport(ledger, batch_size=2)
    importer.run(enumerate([HUB, REGISTERED, contact_line("c-1")], 1), lambda n: None)
    ledger.append(UUID(PERSON), [contact("c-9")])  # outside the importer's cache
    report = importer.run(enumerate([contact_line("c-2")], 1), lambda n: None)
    assert not report.rejections
    assert ledger.story(UUID(PERSON)).version == 4


def test_a_batch_that_loses_a_race_while_the_next_is_decided_loses_nothing(
    ledger: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The batch written second conflicts; it and the batch decided on top of it are redone."""
    another_writer_before_copy(ledger, monkeypatch, copy=2)
    lines = [HUB, REGISTERED, *(contact_line(f"c-{n}") for n in range(1, 7))]
    report = run(ledger, lines, batch_size=2)
    contacts = sorted(e.data["contact_id"] for e in ledger.story(UUID(PERSON)).entries[1:])
    assert (report.rejections, report.appended) == ([], 8)
    assert contacts == ["c-1", "c-2", "c-3", "c-4", "c-5", "c-6", "c-9"]
