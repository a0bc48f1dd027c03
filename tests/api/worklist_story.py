"""A person on the lists: registered by the Hub, referred to cmht, key-worked there by kw-5."""

from __future__ import annotations

from typing import Any

from api_journeys import bearer, contact, key_worker, referral
from fastapi.testclient import TestClient

HUB, CMHT = bearer("provider", "hub"), bearer("provider", "cmht")
KW5 = bearer("key_worker", "cmht", "kw-5")


def append(client: TestClient, person: str, body: dict[str, Any], headers: dict[str, str]) -> str:
    """Append one event; answers its log position."""
    answer = client.post(f"/people/{person}/events", json=body, headers=headers)
    assert answer.status_code == 201, answer.text
    return str(answer.headers["X-Ledger-Position"])


def on_the_lists(client: TestClient, person: str, priority: str = "urgent") -> str:
    """Refer the person to cmht (waiting), assign cmht's kw-5; answers the last position."""
    append(client, person, {**referral("cmht"), "data": {**referral("cmht")["data"],
                                                          "priority": priority}}, HUB)
    return append(client, person, key_worker("kw-5"), CMHT)


def seen(client: TestClient, person: str) -> str:
    """cmht accepts the referral and sees the person face to face; answers the position."""
    accept = {"type": "ReferralAccepted", "occurred_at": "2024-03-01T11:00:00+00:00",
              "data": {"referral_id": "r-1"}}
    append(client, person, accept, CMHT)
    face = contact("c-2", channel="face_to_face")
    return append(client, person, {**face, "occurred_at": "2024-03-02T10:00:00+00:00"}, CMHT)


def get(client: TestClient, path: str, headers: dict[str, str], after: str) -> Any:
    """GET a list once the figures include ``after``; answers the JSON."""
    answer = client.get(path, params={"after": after}, headers=headers)
    assert answer.status_code == 200, answer.text
    return answer.json()
