"""A story read under way when the person is erased over HTTP (its key asked for, not yet
cached): every answer after the erasure is the erased person's, the story's and the summary's."""

from __future__ import annotations

from typing import Any

import pytest
from api_journeys import SIGNING_KEY, bearer
from erasure_race import Paused, raced
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.http.app import create_app
from api.settings import Settings

HUB = bearer("provider", "hub")
PERSONAL = ("Ada", "Example", "9434765919", "1990-04-01")


@pytest.fixture
def app(database_url: str, schema: str) -> FastAPI:
    """The API, its erasure watch asleep: only the erasing process's own forgetting counts."""
    return create_app(Settings(database_url=database_url, schema_name=schema,
                               signing_key=SIGNING_KEY, erasure_poll_seconds=3600))


def erase(client: TestClient, person: str) -> None:
    """An administrator asks, a privacy officer approves."""
    assert client.post(f"/people/{person}/erasure-requests", json={"reason": "the person asked"},
                       headers=bearer("admin", staff="a-1")).status_code == 202
    assert client.delete(f"/people/{person}/identity",
                         headers=bearer("privacy_officer", staff="dpo-1")).status_code == 204


@pytest.fixture
def raced_erasure(client: TestClient, person: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """The person, erased while a story read had their key read but not yet cached."""
    keys: Any = client.app.state.ledger.person_keys  # type: ignore[attr-defined]
    keys.forget_all()
    paused = Paused(keys._opened)
    monkeypatch.setattr(keys, "_opened", paused)
    raced(paused, lambda: client.get(f"/people/{person}/story", headers=HUB),
          lambda: erase(client, person))
    return person


def test_the_story_read_after_a_raced_erasure_names_nobody(
        client: TestClient, raced_erasure: str) -> None:
    """Name, birth date and NHS number null in the registration."""
    answer = client.get(f"/people/{raced_erasure}/story", headers=HUB)
    assert answer.status_code == 200
    assert [text for text in PERSONAL if text in answer.text] == []


def test_the_summary_read_after_a_raced_erasure_names_nobody(
        client: TestClient, raced_erasure: str) -> None:
    """The summary's person is nameless too."""
    answer = client.get(f"/people/{raced_erasure}/summary", headers=HUB)
    assert answer.status_code == 200
    assert [text for text in PERSONAL if text in answer.text] == []
