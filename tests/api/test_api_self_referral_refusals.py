"""Malformed, hostile, oversize and robot-filled self-referrals: 4xx naming the field, nothing kept."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from self_referral_bodies import asking, written

REFUSED: dict[str, tuple[dict[str, Any], list[str]]] = {
    "honeypot filled": (asking(website="http://spam.example"), ["body", "website"]),
    "unknown field": (asking(person_id="00000000-0000-0000-0000-000000000001"), ["body", "person_id"]),
    "markup for a name": (asking(given_name="<script>alert(1)</script>"), ["body", "given_name"]),
    "control character": (asking(what_is_going_on="help\x1b[2J"), ["body", "what_is_going_on"]),
    "direction override": (asking(what_matters="rent \u202e due"), ["body", "what_matters"]),
    "blank story": (asking(what_is_going_on="   "), ["body", "what_is_going_on"]),
    "no way to reach them": (asking(phone=None, email=None), ["body", "phone"]),
    "not a phone number": (asking(phone="call me maybe"), ["body", "phone"]),
    "not an email address": (asking(email="ada at example"), ["body", "email"]),
    "bad NHS number": (asking(nhs_number="9434765918"), ["body", "nhs_number"]),
    "born in the future": (asking(birth_date="2999-01-01"), ["body", "birth_date"]),
    "crisis as text": (asking(in_crisis="yes"), ["body", "in_crisis"]),
    "unknown referrer": (asking(referrer="landlord"), ["body", "referrer"]),
    "someone else, unnamed": (asking(referrer="police", agreed=True), ["body", "referrer_name"]),
    "too long": (asking(what_matters="x" * 4001), ["body", "what_matters"]),
}


@pytest.mark.parametrize("case", REFUSED)
def test_a_bad_self_referral_is_refused_naming_the_field(client: TestClient, case: str) -> None:
    """422 whose first detail names the field at fault; neither log gains anything."""
    body, loc = REFUSED[case]
    before = written(client)
    answer = client.post("/self-referrals", json={k: v for k, v in body.items() if v is not None})
    assert answer.status_code == 422, answer.text
    assert answer.json()["detail"][0]["loc"] == loc
    assert written(client) == before


def test_an_oversize_self_referral_is_refused(client: TestClient) -> None:
    """A body over 16,000 bytes: 413, nothing kept."""
    before = written(client)
    answer = client.post("/self-referrals", json=asking(what_is_going_on="y" * 20_000))
    assert answer.status_code == 413
    assert "body" in answer.json()["detail"]
    assert written(client) == before


def test_a_body_that_is_not_json_is_refused(client: TestClient) -> None:
    """Not JSON: 422, nothing kept."""
    before = written(client)
    answer = client.post("/self-referrals", content=b"\xff\xfe<html>",
                         headers={"Content-Type": "application/json"})
    assert answer.status_code == 422
    assert written(client) == before


def test_a_refused_request_answers_without_echoing_it(client: TestClient) -> None:
    """The refusal names the field but never repeats what was sent."""
    answer = client.post("/self-referrals", json=asking(email="ada.secret@", given_name="Zebedee9"))
    assert answer.status_code == 422
    assert "Zebedee9" not in answer.text
    assert "ada.secret" not in answer.text
