"""Idempotency keys: a repeat returns the first answer and appends nothing."""

from __future__ import annotations

from typing import Any
from uuid import UUID, uuid4

import pytest
from builders import contact, provider, registration
from psycopg import OperationalError

from commands import Ledger
from ledger.errors import IdempotencyKeyReused


def test_a_repeat_returns_the_first_answer(ledger: Ledger, person: UUID) -> None:
    """The second call answers the first call's version."""
    first = ledger.append(person, [contact("c-1")], idempotency_key="k-1")
    again = ledger.append(person, [contact("c-1")], idempotency_key="k-1")
    assert (again.version, again.repeated) == (first.version, True)


def test_a_repeat_appends_nothing(ledger: Ledger, person: UUID) -> None:
    """The story holds the event once."""
    ledger.append(person, [contact("c-1")], idempotency_key="k-1")
    ledger.append(person, [contact("c-1")], idempotency_key="k-1")
    assert ledger.story(person).version == 2


def test_a_key_reused_for_another_request_is_refused(ledger: Ledger, person: UUID) -> None:
    """A key names one request."""
    ledger.append(person, [contact("c-1")], idempotency_key="k-1")
    with pytest.raises(IdempotencyKeyReused):
        ledger.append(person, [contact("c-2")], idempotency_key="k-1")


def test_a_repeated_registration_returns_the_first_answer(ledger: Ledger) -> None:
    """Registering with the same key twice starts one story."""
    person_id = uuid4()
    ledger.register_provider(provider("gp-1", tier="primary", service="gp"))
    ledger.register_person(person_id, registration(5, "gp-1"), idempotency_key="reg-5")
    again = ledger.register_person(person_id, registration(5, "gp-1"), idempotency_key="reg-5")
    assert (again.repeated, again.person_id) == (True, person_id)


def test_an_answer_lost_after_the_commit_is_recovered_by_the_retry(
    ledger: Ledger, person: UUID, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The commit lands, the acknowledgement is lost; the retry gets the first answer."""
    real_save = ledger.save

    def save_then_lose_the_answer(*aggregates: Any, **kwargs: Any) -> Any:
        real_save(*aggregates, **kwargs)
        raise OperationalError("connection lost after commit")

    monkeypatch.setattr(ledger, "save", save_then_lose_the_answer)
    with pytest.raises(OperationalError):
        ledger.append(person, [contact("c-1")], idempotency_key="k-lost")
    monkeypatch.undo()
    retry = ledger.append(person, [contact("c-1")], idempotency_key="k-lost")
    assert (retry.version, retry.repeated, ledger.story(person).version) == (2, True, 2)


def test_a_key_reused_for_another_person_is_refused(ledger: Ledger, person: UUID) -> None:
    """The same key and body sent for a second person is a conflict, not the first's answer."""
    other = uuid4()
    ledger.register_person(other, registration(2))
    ledger.append(person, [contact("c-1")], idempotency_key="k-1")
    with pytest.raises(IdempotencyKeyReused):
        ledger.append(other, [contact("c-1")], idempotency_key="k-1")
    assert ledger.story(other).version == 1


def test_a_registration_key_reused_for_another_chosen_person_is_refused(ledger: Ledger) -> None:
    """A registration's key binds the person id the caller chose."""
    ledger.register_provider(provider("gp-1", tier="primary", service="gp"))
    ledger.register_person(uuid4(), registration(5, "gp-1"), idempotency_key="reg-5")
    with pytest.raises(IdempotencyKeyReused):
        ledger.register_person(uuid4(), registration(5, "gp-1"), idempotency_key="reg-5")


def test_a_registration_without_a_chosen_id_repeats_as_the_first(ledger: Ledger) -> None:
    """With no person id sent, the ledger chooses one and a repeat answers the same."""
    ledger.register_provider(provider("gp-1", tier="primary", service="gp"))
    first = ledger.register_person(None, registration(5, "gp-1"), idempotency_key="reg-5")
    again = ledger.register_person(None, registration(5, "gp-1"), idempotency_key="reg-5")
    assert (again.repeated, again.person_id) == (True, first.person_id)
