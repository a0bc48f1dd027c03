"""A story kept for reading by one server process (``commands.read_stories``) is answered to
nobody the story as it now stands refuses: a provider whose relationship ended (or whose referral
was retracted) through another process, a stranger asking after a reader that may, and a Network
provider after a consent refusal recorded elsewhere. Each read is decided on the story brought up
to the log, never on the copy kept."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
from api_journeys import bearer, contact, referral, registration

HUB, CMHT = bearer("provider", "hub"), bearer("provider", "cmht")
HOUSING = bearer("provider", "housing")


def days_ago(days: int) -> str:
    """An instant that many days before now."""
    return (datetime.now(UTC) - timedelta(days=days)).isoformat()


def appended(base: str, person: str, body: dict[str, object], headers: dict[str, str]) -> None:
    """Append through ``base``; it must land."""
    answer = httpx.post(f"{base}/people/{person}/events", json=body, headers=headers, timeout=30)
    assert answer.status_code == 201, answer.text


def read(base: str, person: str, headers: dict[str, str]) -> httpx.Response:
    """The story read through ``base``."""
    return httpx.get(f"{base}/people/{person}/story", headers=headers, timeout=30)


def referred_long_ago(first: str) -> str:
    """A person the Hub referred to cmht 90 days ago (the referral still open)."""
    person = httpx.post(f"{first}/people", json=registration(), headers=HUB,
                        timeout=30).json()["person_id"]
    appended(first, person, {**referral("cmht"), "occurred_at": days_ago(90)}, HUB)
    return str(person)


def test_a_relationship_ended_elsewhere_ends_the_kept_storys_reads(
        two_servers: tuple[str, str]) -> None:
    """cmht reads through the second process; declined (60 days ago) through the first, past
    its grace, cmht's next read through the second is an unknown story's answer."""
    first, second = two_servers
    person = referred_long_ago(first)
    assert read(second, person, CMHT).status_code == 200
    decline = {"type": "ReferralDeclined", "occurred_at": days_ago(60),
               "data": {"referral_id": "r-1", "reason": "signposted to the Network"}}
    appended(first, person, decline, CMHT)
    assert read(second, person, CMHT).status_code == 404


def test_a_referral_retracted_elsewhere_ends_the_kept_storys_reads(
        two_servers: tuple[str, str]) -> None:
    """The Hub retracts its referral through the first process: cmht no longer reads through
    the second, which had kept the story cmht read."""
    first, second = two_servers
    person = referred_long_ago(first)
    assert read(second, person, CMHT).status_code == 200
    retraction = {"type": "EventRetracted", "occurred_at": days_ago(1),
                  "data": {"version": 2, "reason": "referred in error"}}
    appended(first, person, retraction, HUB)
    assert read(second, person, CMHT).status_code == 404


def test_a_stranger_after_a_reader_that_may_gets_an_unknown_storys_answer(
        two_servers: tuple[str, str]) -> None:
    """The Hub's read keeps the story; housing (no relationship) asks the same process next."""
    first, second = two_servers
    person = referred_long_ago(first)
    assert read(second, person, HUB).status_code == 200
    stranger = read(second, person, HOUSING)
    unknown_id = "00000000-0000-4000-8000-000000000001"
    unknown = read(second, unknown_id, HOUSING)
    assert (stranger.status_code, stranger.text.replace(person, "ID")) == (
        unknown.status_code, unknown.text.replace(unknown_id, "ID"))
    assert "Ada" not in stranger.text


def test_a_consent_refusal_elsewhere_narrows_the_kept_story(two_servers: tuple[str, str]) -> None:
    """Housing read the whole story through the second process; the person's refusal to share
    with the Network, recorded through the first, keeps housing to its own entries there."""
    first, second = two_servers
    person = referred_long_ago(first)
    appended(first, person, contact("c-hub", summary="Talked about debts"), HUB)
    appended(first, person, referral("housing", "r-2"), HUB)
    assert "Talked about debts" in read(second, person, HOUSING).text
    refusal = {"type": "ConsentRecorded", "occurred_at": days_ago(1),
               "data": {"scope": "share_with_network", "given": False}}
    appended(first, person, refusal, HUB)
    story = read(second, person, HOUSING)
    assert story.status_code == 200
    assert [e["provider_id"] for e in story.json()["events"]] == ["hub"]  # the registration only
    assert "Talked about debts" not in story.text
