"""Attack: tell a real story from an unknown id by registering a person under that id.

``POST /people`` takes a ``person_id`` chosen by the sender (docs/contract.md: "so an import is
repeatable"). Any provider may register, so a provider with no care relationship learns whether
an id has a story: 409 ``duplicate_person`` if it has, 201 (and a new, empty-named story) if not.
The unknown story's floor cannot hide a different status. Left open (review): closing it changes
the contract (no chosen ids over HTTP, or chosen ids only with an idempotency key).
"""

from __future__ import annotations

import uuid

import pytest
from api_journeys import bearer, registration
from fastapi.testclient import TestClient

STRANGER = bearer("provider", "housing")


@pytest.mark.xfail(strict=True, reason="contract: a chosen person_id that exists answers 409")
def test_registering_under_a_real_id_answers_as_under_an_unknown_one(
        client: TestClient, person: str) -> None:
    real = client.post("/people", json=registration(nhs_number=None, person_id=person),
                       headers=STRANGER)
    unknown = client.post("/people", json=registration(nhs_number=None, person_id=str(uuid.uuid4())),
                          headers=STRANGER)
    assert real.status_code == unknown.status_code
