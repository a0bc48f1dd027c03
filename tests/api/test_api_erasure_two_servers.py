"""After an erasure through one server process, another that had read the person's story (so kept
their story and access log in memory) answers nothing of theirs once the documented bound has
passed (``LEDGER_ERASURE_POLL_SECONDS``, one second, plus a query): not in the story, its summary,
its FHIR export, the access log's reasons, a search or a list."""

from __future__ import annotations

import time

import httpx
from api_journeys import bearer, registration

HUB = bearer("provider", "hub")
BREAK_GLASS = {**bearer("provider", "gp-1"), "X-Break-Glass-Reason": "seen at the crisis cafe"}
PERSONAL = ("Ada", "Example", "9434765919", "1990-04-01", "crisis cafe")



def answers_about(base: str, person: str) -> list[str]:
    """Everything the second server says about the person to those who may ask."""
    with httpx.Client(base_url=base, timeout=60) as client:
        answers = [client.get(f"/people/{person}/story", headers=HUB),
                   client.get(f"/people/{person}/summary", headers=HUB),
                   client.get(f"/people/{person}/fhir", headers=HUB),
                   client.get(f"/people/{person}/access-log", headers=bearer("analyst")),
                   client.post("/people/search", json={"nhs_number": "9434765919"}, headers=HUB),
                   client.post("/people/search", json={"name": "Ada"}, headers=HUB),
                   client.get("/providers/hub/caseload", headers=HUB)]
    assert [answer.status_code for answer in answers if answer.status_code >= 500] == []
    return [answer.text for answer in answers]


def test_a_process_that_read_the_story_keeps_nothing_of_the_erased_person(
        two_servers: tuple[str, str]) -> None:
    """Read through the second (story, break-glass, summary), erased through the first: within
    the bound the second answers none of the name, NHS number, birth date or reason."""
    first, second = two_servers
    person = httpx.post(f"{first}/people", json=registration(), headers=HUB,
                        timeout=30).json()["person_id"]
    httpx.get(f"{second}/people/{person}/story", headers=BREAK_GLASS, timeout=30)
    before = "".join(answers_about(second, person))
    assert all(text in before for text in PERSONAL), before
    assert httpx.post(f"{first}/people/{person}/erasure-requests", json={"reason": "the person asked"},
                      headers=bearer("admin", staff="a-1"), timeout=30).status_code == 202
    assert httpx.delete(f"{first}/people/{person}/identity", headers=bearer(
        "privacy_officer", staff="dpo-1"), timeout=30).status_code == 204
    time.sleep(2.5)
    after = "".join(answers_about(second, person))
    assert [text for text in PERSONAL if text in after] == [], after
