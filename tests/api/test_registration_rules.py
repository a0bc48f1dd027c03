"""The registration rules are written once: the API and the import refuse alike, word for word."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
from api_journeys import bearer, contact, registration
from fastapi.testclient import TestClient

from commands import Ledger
from commands.bulk_import import BulkImport

HUB = bearer("provider", "hub")
TAKEN = "9434765919"


def import_message(ledger: Ledger, body: dict[str, Any]) -> str:
    """The reason the import gives for refusing one line made of an API body."""
    line = {"provider_id": "hub", "staff_id": "s-1", **body}
    report = BulkImport(ledger).run([(1, json.dumps(line).encode())], lambda _: None)
    assert report.appended == 0
    [(_line, message)] = report.rejections
    return message


def api_message(client: TestClient, path: str, body: dict[str, Any]) -> str:
    """The message of the API's refusal of the same body."""
    answer = client.post(path, json=body, headers=HUB)
    assert answer.status_code in (404, 409), answer.text
    [item] = answer.json()["detail"]
    return str(item["msg"])


@pytest.fixture
def taken(client: TestClient) -> str:
    """A person registered over the API with the NHS number ``TAKEN``."""
    answer = client.post("/people", json=registration(TAKEN), headers=HUB)
    assert answer.status_code == 201, answer.text
    return str(answer.json()["person_id"])


def test_an_nhs_number_of_another_story_is_refused_alike(
        client: TestClient, ledger: Ledger, taken: str) -> None:
    """A second story for a registered NHS number: the same refusal from both paths."""
    body = registration(TAKEN, person_id=str(uuid.uuid4()))
    by_api = api_message(client, "/people", body)
    assert by_api == import_message(ledger, {"type": "PersonRegistered", **body})
    assert by_api.startswith("data.nhs_number:")


def test_a_person_id_with_a_story_is_refused_alike(
        client: TestClient, ledger: Ledger, taken: str) -> None:
    """Registering a person id that already has a story: the same refusal from both paths."""
    body = registration("9434765870", person_id=taken)
    by_api = api_message(client, "/people", body)
    assert by_api == import_message(ledger, {"type": "PersonRegistered", **body})
    assert by_api == f"person_id: a story for {taken} already exists"


def test_an_event_for_a_person_with_no_story_is_refused_alike(
        client: TestClient, ledger: Ledger) -> None:
    """An event for an unknown person: the same refusal from both paths."""
    nobody = str(uuid.uuid4())
    event = contact("c-1")
    by_api = api_message(client, f"/people/{nobody}/events", event)
    assert by_api == import_message(ledger, {**event, "person_id": nobody})
    assert by_api == f"person_id: no story for {nobody}"
