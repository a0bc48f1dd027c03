"""Attack: confirm an erased person's free text through the idempotency records, in the command
layer, in a second process, and with the database and the deployment's secret in hand."""

from __future__ import annotations

import contextlib
from typing import Any
from uuid import UUID

import pytest
from builders import contact, registered_at_hub
from erasure_race import erase
from import_lines import HUB, PERSON, REGISTERED, line

from commands import Ledger
from commands.bulk_import import BulkImport, ImportReport
from commands.idempotency import fingerprint
from ledger.claims import IdempotencyRecord, idempotency_key_id
from ledger.errors import LedgerError

SUMMARY = "Spoke about the debt to the Marigold landlord and the eviction notice."
GUESS = "Spoke about the rent arrears."


@pytest.fixture
def registered(ledger: Ledger) -> UUID:
    """A person the Hub registered."""
    return registered_at_hub(ledger)


def with_summary(text: str) -> Any:
    return contact("c-1", summary=text)


def answer_to(ledger: Ledger, registered: UUID, text: str) -> tuple[str, ...]:
    """What the same key sent with this summary is answered: a receipt, or a refusal."""
    try:
        receipt = ledger.append(registered, [with_summary(text)], idempotency_key="k-1")
    except LedgerError as refusal:
        return type(refusal).__name__, refusal.field or "", refusal.message
    return "receipt", str(receipt.version), str(receipt.repeated)


def test_a_right_and_a_wrong_guess_are_answered_alike(ledger: Ledger, env: dict[str, str],
                                                      registered: UUID) -> None:
    ledger.append(registered, [with_summary(SUMMARY)], idempotency_key="k-1")
    erase(ledger, env, registered)
    assert answer_to(ledger, registered, SUMMARY) == answer_to(ledger, registered, GUESS)


def test_a_second_process_answers_them_alike_once_it_hears_of_the_erasure(
        ledger: Ledger, env: dict[str, str], registered: UUID) -> None:
    """The other Ledger held the person's key (it read the story) before the erasure. In this
    process it shares the erased marks; ``test_erased_idempotency_two_processes`` runs a server
    process of its own, which hears only by its erasure watch."""
    ledger.append(registered, [with_summary(SUMMARY)], idempotency_key="k-1")
    with Ledger(env={**env, "LEDGER_ERASURE_POLL_SECONDS": "3600"}) as other:
        assert other.story(registered).entries[-1].data["summary"] == SUMMARY
        erase(ledger, env, registered)
        other.erasure_watch.poll()
        assert answer_to(other, registered, SUMMARY) == answer_to(other, registered, GUESS)
        assert other.story(registered).version == 2


def test_the_stored_record_confirms_no_guess_with_the_deployment_s_secret(
        ledger: Ledger, env: dict[str, str], registered: UUID) -> None:
    """The fingerprint of the whole request, the secret's HMAC of the text, is not in the row."""
    request = {"expected_version": None, "events": [with_summary(SUMMARY)]}
    ledger.append(registered, request["events"], idempotency_key="k-1")
    erase(ledger, env, registered)
    digest = fingerprint(ledger.request_secret, "append", registered, request).split(":")[1]
    stored = ledger.recorder.select_events(idempotency_key_id("hub", "k-1"))
    assert [digest in bytes(event.state).decode() for event in stored] == [False]


@pytest.mark.parametrize("text", [SUMMARY, GUESS])
def test_no_guess_appends_after_the_erasure(ledger: Ledger, env: dict[str, str], registered: UUID,
                                            text: str) -> None:
    ledger.append(registered, [with_summary(SUMMARY)], idempotency_key="k-1")
    erase(ledger, env, registered)
    answer_to(ledger, registered, text)
    with contextlib.suppress(LedgerError):
        ledger.append(registered, [contact("c-1")], idempotency_key="k-1")
    assert ledger.story(registered).version == 2


def test_an_imported_line_s_guesses_are_answered_alike(ledger: Ledger, env: dict[str, str]) -> None:
    """``ledger import``: a keyed line sent again after the erasure, with the right summary and
    with a wrong one, is rejected with the same reason, and neither is stored."""
    def keyed_line(summary: str) -> bytes:
        data = {"contact_id": "c-1", "channel": "telephone", "attendance": "attended",
                "purpose": "drop_in", "duration_minutes": 20, "summary": summary}
        return line("ContactRecorded", data, idempotency_key="k-1")

    imported(ledger, [HUB, REGISTERED, keyed_line(SUMMARY)])
    erase(ledger, env, UUID(PERSON))
    right, wrong = (imported(ledger, [keyed_line(text)]) for text in (SUMMARY, GUESS))
    assert (right.rejections, right.repeated, len(ledger.story(UUID(PERSON)).entries)) == (
        wrong.rejections, wrong.repeated, 2)


def imported(ledger: Ledger, lines: list[bytes]) -> ImportReport:
    return BulkImport(ledger, batch_size=10).run(enumerate(lines, start=1), lambda n: None)


def test_a_record_written_before_fingerprints_were_sealed_confirms_no_guess_either(
        ledger: Ledger, env: dict[str, str], registered: UUID) -> None:
    """An old record (its fingerprint clear, no outline) of an erased person is not compared."""
    request = {"expected_version": None, "events": [with_summary(SUMMARY)]}
    answer = {"person_id": str(registered), "version": 2, "position": 0}
    old = IdempotencyRecord.answered(idempotency_key_id("hub", "k-1"), fingerprint(
        ledger.request_secret, "append", registered, request), answer, None)  # type: ignore[arg-type]
    ledger.append(registered, request["events"])
    keys, ledger.mapper.keys = ledger.mapper.keys, None  # type: ignore[attr-defined]
    ledger.save(old)  # as stored before: nothing sealed
    ledger.mapper.keys = keys  # type: ignore[attr-defined]
    erase(ledger, env, registered)
    assert answer_to(ledger, registered, SUMMARY) == answer_to(ledger, registered, GUESS)
