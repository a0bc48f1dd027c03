"""Registering people: one story per NHS number, ever, enforced by the database."""

from __future__ import annotations

from uuid import uuid4

import pytest
from builders import event, provider, registration

from commands import Ledger
from ledger.claims import nhs_claim_key
from ledger.errors import DuplicatePerson, UnknownPerson, UnknownProvider


@pytest.fixture(autouse=True)
def hub(ledger: Ledger) -> None:
    """The borough's Hub is registered."""
    ledger.register_provider(provider("hub"))


def test_a_registered_person_reads_back_from_postgresql(ledger: Ledger) -> None:
    """The story starts at version 1 with the registration."""
    person_id = uuid4()
    receipt = ledger.register_person(person_id, registration(1))
    assert receipt.version == 1
    assert [e.type for e in ledger.story(person_id).entries] == ["PersonRegistered"]


def test_a_second_story_for_the_same_nhs_number_is_refused(ledger: Ledger) -> None:
    """The refusal names the story that already holds the number."""
    first = uuid4()
    ledger.register_person(first, registration(1))
    with pytest.raises(DuplicatePerson) as refusal:
        ledger.register_person(uuid4(), registration(1))
    assert refusal.value.existing_person_id == str(first)


def test_people_without_nhs_numbers_can_both_register(ledger: Ledger) -> None:
    """The NHS number is optional."""
    ledger.register_person(uuid4(), registration(None))
    assert ledger.register_person(uuid4(), registration(None)).version == 1


def test_a_person_id_already_used_is_refused(ledger: Ledger) -> None:
    """A story is started once."""
    person_id = uuid4()
    ledger.register_person(person_id, registration(1))
    with pytest.raises(DuplicatePerson, match="already exists"):
        ledger.register_person(person_id, registration(2))


def test_changing_to_another_storys_nhs_number_is_refused(ledger: Ledger) -> None:
    """An NHS number stays unique across stories, also through DetailsUpdated."""
    ledger.register_person(uuid4(), registration(1))
    second = uuid4()
    ledger.register_person(second, registration(2))
    update = event("DetailsUpdated", {"nhs_number": registration(1).data()["nhs_number"]})
    with pytest.raises(DuplicatePerson):
        ledger.append(second, [update])
    assert ledger.story(second).version == 1


def test_a_registration_by_an_unregistered_provider_is_refused(ledger: Ledger) -> None:
    """Every provider named must be in the directory."""
    with pytest.raises(UnknownProvider) as refusal:
        ledger.register_person(uuid4(), registration(1, provider_id="nowhere"))
    assert refusal.value.field == "provider_id"


def test_an_event_for_an_unknown_person_is_refused(ledger: Ledger) -> None:
    """Appending needs a story."""
    with pytest.raises(UnknownPerson):
        ledger.append(uuid4(), [event("ConsentRecorded", {"scope": "research", "given": True})])


def test_claim_ids_cannot_be_worked_back_without_the_identity_key(env: dict[str, str]) -> None:
    """With the deployment's identity key, the claim is not at the id the bare number gives."""
    keyed = Ledger(env={**env, "LEDGER_IDENTITY_KEY": "k" * 40})
    try:
        keyed.register_person(uuid4(), registration(9))
        number = registration(9).data()["nhs_number"]
        assert not keyed.recorder.select_events(nhs_claim_key(number), limit=1)
        with pytest.raises(DuplicatePerson):
            keyed.register_person(uuid4(), registration(9))
    finally:
        keyed.close()
