"""The idempotency attack against a second server process of its own (``ledger serve``), which
held the person's key (it took their keyed write) and hears of the erasure made through the first
only by its erasure watch: once the bound has passed (``LEDGER_ERASURE_POLL_SECONDS``, one second,
plus a query) it answers a right and a wrong guess of the erased summary alike, and appends
nothing for either."""

from __future__ import annotations

import time

import httpx
from api_journeys import bearer, contact, registration
from served_ledger import ServedLedger, ledger_served

from tests.privacy.test_erased_idempotency_answer import GUESS, SUMMARY

KEYED = {**bearer("provider", "hub"), "Idempotency-Key": "k-1"}


def erased_through(base: str, person: str) -> None:
    assert httpx.post(f"{base}/people/{person}/erasure-requests", json={"reason": "the person asked"},
                      headers=bearer("admin", staff="a-1"), timeout=30).status_code == 202
    assert httpx.delete(f"{base}/people/{person}/identity", headers=bearer(
        "privacy_officer", staff="dpo-1"), timeout=30).status_code == 204


def test_the_other_process_answers_a_right_and_a_wrong_guess_alike(database_url: str,
                                                                   schema: str) -> None:
    with ledger_served(database_url, schema) as first:
        second = ServedLedger(database_url, schema)
        try:
            second.start()
            person = httpx.post(f"{first.url}/people", json=registration(), headers=bearer("provider", "hub"),
                                timeout=30).json()["person_id"]
            events = f"{second.url}/people/{person}/events"
            sent = httpx.post(events, json=contact(summary=SUMMARY), headers=KEYED, timeout=30)
            assert sent.status_code == 201, sent.text
            erased_through(first.url, person)
            time.sleep(2.5)
            right, wrong = (httpx.post(events, json=contact(summary=text), headers=KEYED, timeout=30)
                            for text in (SUMMARY, GUESS))
            story = httpx.get(f"{second.url}/people/{person}/story", headers=bearer("analyst"),
                              timeout=30).json()
        finally:
            second.stop()
    assert ((right.status_code, right.json()), story["version"]) == (
        (wrong.status_code, wrong.json()), sent.json()["version"])
