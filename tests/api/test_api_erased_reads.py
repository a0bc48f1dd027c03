"""Reads of an erased person's story that carry a reason of their own (break-glass, an analyst's
purpose): answered without a 500, and the reason kept nowhere readable."""

from __future__ import annotations

from api_journeys import bearer
from fastapi.testclient import TestClient

BREAK_GLASS = {**bearer("provider", "gp-1"), "X-Break-Glass-Reason": "found at the crisis cafe"}


def erase(client: TestClient, person: str) -> None:
    """An administrator asks, a privacy officer approves."""
    assert client.post(f"/people/{person}/erasure-requests", json={"reason": "the person asked"},
                       headers=bearer("admin", staff="a-1")).status_code == 202
    assert client.delete(f"/people/{person}/identity",
                         headers=bearer("privacy_officer", staff="dpo-1")).status_code == 204


def test_a_break_glass_read_after_erasure_is_no_500(client: TestClient, person: str) -> None:
    """The story read once (its access log kept), erased, then read by break-glass."""
    assert client.get(f"/people/{person}/story", headers=bearer("provider", "hub")).status_code == 200
    erase(client, person)
    answer = client.get(f"/people/{person}/story", headers=BREAK_GLASS)
    assert answer.status_code < 500, answer.text
    log = client.get(f"/people/{person}/access-log", headers=bearer("analyst"))
    assert log.status_code < 500, log.text
    assert "crisis cafe" not in log.text


def test_an_analysts_read_after_erasure_is_no_500(client: TestClient, person: str) -> None:
    """An analyst's audited read (its purpose sealed) of an erased story."""
    erase(client, person)
    answer = client.get(f"/people/{person}/story", headers=bearer("analyst"))
    assert answer.status_code < 500, answer.text
