"""Enumerating people through the public front door: a request naming an existing story answers
as one naming nobody, refused or accepted, asked once or again, with or without a token."""

from __future__ import annotations

from typing import Any

import pytest
from api_journeys import NHS_NUMBERS, bearer
from fastapi.testclient import TestClient
from self_referral_bodies import asking

ADA = {"nhs_number": NHS_NUMBERS[0], "birth_date": "1990-04-01"}  # the ``person`` fixture's
NOBODY = {"nhs_number": NHS_NUMBERS[1], "birth_date": "1990-04-01"}
FLAWS: dict[str, dict[str, Any]] = {
    "no way to reach them": {"phone": None, "email": None},
    "robot trap filled": {"website": "http://spam.example"},
    "unknown field": {"person_id": "00000000-0000-0000-0000-000000000001"},
}


def sent(client: TestClient, body: dict[str, Any], headers: dict[str, str] | None = None) -> Any:
    """The answer's status and body, its reference set aside."""
    answer = client.post("/self-referrals", json={k: v for k, v in body.items() if v is not None},
                         headers=headers or {})
    shown = answer.json()
    if isinstance(shown, dict) and "reference" in shown:
        shown["reference"] = "-"
    return answer.status_code, shown


@pytest.mark.parametrize("flaw", FLAWS)
def test_a_refusal_is_the_same_whoever_it_names(client: TestClient, person: str, flaw: str) -> None:
    """A flawed request naming Ada is refused exactly as one naming nobody."""
    known = sent(client, asking(**ADA, **FLAWS[flaw]))
    unknown = sent(client, asking(**NOBODY, **FLAWS[flaw]))
    assert known == unknown
    assert known[0] == 422


def test_asking_again_for_someone_known_answers_as_the_first_time(client: TestClient,
                                                                  person: str) -> None:
    """A second request naming Ada (a probe for "already known") answers as the first did."""
    first, second = sent(client, asking(**ADA)), sent(client, asking(**ADA))
    assert first == second == sent(client, asking(**NOBODY))


@pytest.mark.parametrize("role", ["provider", "analyst"])
def test_a_token_changes_nothing_at_the_front_door(client: TestClient, person: str, role: str) -> None:
    """Staff (or anyone) sending a token get the public answer, the same for Ada and nobody."""
    token = bearer(role, "gp-1" if role == "provider" else None)
    known, unknown = sent(client, asking(**ADA), token), sent(client, asking(**NOBODY), token)
    assert known == unknown == sent(client, asking(**NOBODY))


def test_a_carers_request_for_someone_known_answers_as_for_nobody(client: TestClient,
                                                                  person: str) -> None:
    """A carer naming Ada and a carer naming nobody get the same answer."""
    carer = {"referrer": "carer", "referrer_name": "Grace Example",
             "referrer_phone": "07700 900123", "agreed": True}
    assert sent(client, asking(**ADA, **carer)) == sent(client, asking(**NOBODY, **carer))
