"""The public front door: a self-referral lands in the Hub's intake, never in a story."""

from __future__ import annotations

import json
import re
from typing import Any

from api_journeys import NHS_NUMBERS
from fastapi.testclient import TestClient
from self_referral_bodies import asking, for_someone_else, intake_topics, unsent_alerts, written

PERSONAL = ("Ada", "Example", "flat", "020", "ada@", "9434765919", "1990")


def test_a_self_referral_is_answered_with_a_reference_and_what_happens_next(client: TestClient) -> None:
    """202 with a reference and the next step, and no personal data in the answer."""
    answer = client.post("/self-referrals", json=asking())
    assert answer.status_code == 202, answer.text
    assert re.fullmatch(r"SR-[A-Z2-9]{8}", answer.json()["reference"])
    assert "within two working days" in answer.json()["what_happens_next"]
    assert not any(word in answer.text for word in PERSONAL)


def test_a_self_referral_writes_only_into_the_intake(client: TestClient) -> None:
    """The intake gains one received request; the ledger's log is untouched."""
    before = written(client)
    assert client.post("/self-referrals", json=asking()).status_code == 202
    after = written(client)
    assert (after[0] > before[0], after[1]) == (True, before[1])
    assert intake_topics(client) == ["ledger.SelfReferral.Received"]


def test_matching_a_story_changes_neither_the_answer_nor_what_is_written(
        client: TestClient, person: str) -> None:
    """A request naming an existing story's NHS number and birth date is treated exactly like one
    naming nobody: the same answer (but its reference), the same entries written."""
    known = asking(nhs_number=NHS_NUMBERS[0], birth_date="1990-04-01")
    unknown = asking(nhs_number=NHS_NUMBERS[1], birth_date="1990-04-01")
    ledger_before = written(client)[1]
    answers = [client.post("/self-referrals", json=body) for body in (known, unknown)]
    shapes = [{**a.json(), "reference": "-"} for a in answers]
    assert [a.status_code for a in answers] == [202, 202]
    assert shapes[0] == shapes[1]
    assert intake_topics(client) == ["ledger.SelfReferral.Received"] * 2
    assert written(client)[1] == ledger_before


def test_an_urgent_self_referral_shows_crisis_lines_and_raises_one_alert(client: TestClient) -> None:
    """In crisis: the crisis lines at once, and one alert in the outbox with the request."""
    answer = client.post("/self-referrals", json=asking(in_crisis=True))
    assert answer.status_code == 202, answer.text
    assert any("116 123" in line["how"] for line in answer.json()["crisis_lines"])
    assert intake_topics(client) == ["ledger.SelfReferral.Received", "ledger.SelfReferral.AlertRaised"]
    assert unsent_alerts(client) == 1


def test_a_routine_self_referral_raises_no_alert(client: TestClient) -> None:
    """No crisis, no alert and no crisis lines."""
    answer = client.post("/self-referrals", json=asking())
    assert "crisis_lines" not in answer.json()
    assert unsent_alerts(client) == 0


def test_a_carer_refers_someone_who_agreed(client: TestClient) -> None:
    """Someone else's referral is taken when the person's agreement is recorded."""
    assert client.post("/self-referrals", json=for_someone_else()).status_code == 202


def test_someone_elses_referral_without_agreement_is_refused(client: TestClient) -> None:
    """Without the person's agreement: 422 naming ``agreed``, nothing written."""
    before = written(client)
    answer = client.post("/self-referrals", json=for_someone_else(agreed=False))
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["body", "agreed"]
    assert written(client) == before


def test_the_intake_keeps_the_details_sealed(client: TestClient) -> None:
    """The stored request holds none of what the person wrote in clear."""
    client.post("/self-referrals", json=asking(in_crisis=True))
    recorder = client.app.state.intake.recorder  # type: ignore[attr-defined]
    clear = [text for n in recorder.select_notifications(1, 10) for text in clear_texts(json.loads(n.state))]
    assert clear
    words = ("Ada", "Example", "rent", "ada@", "020 7946", "weekday")
    assert not [text for text in clear for word in words if word in text]


def clear_texts(value: Any) -> list[str]:
    """Every text of a stored state outside the sealed markers (whose ciphertext, base64, may
    hold any three letters by chance: the test once failed on one)."""
    if isinstance(value, dict):
        return [] if set(value) == {"sealed"} else [t for v in value.values() for t in clear_texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in clear_texts(v)]
    return [value] if isinstance(value, str) else []
