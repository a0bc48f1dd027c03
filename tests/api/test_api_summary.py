"""A story's summary: the person, key worker, plan, open referrals, ward stay and the timeline in
the order things happened, in words, with late entries and retractions marked."""

from __future__ import annotations

from typing import Any

from api_journeys import bearer
from fastapi.testclient import TestClient
from summary_story import HUB, KEY_WORKER, TEAM, append, contact, event, worked_story


def summary_of(client: TestClient, person: str, headers: dict[str, str] = KEY_WORKER) -> dict[str, Any]:
    """The summary as a caller reads it."""
    answer = client.get(f"/people/{person}/summary", headers=headers)
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


def test_the_summary_names_the_person_and_their_key_worker(client: TestClient, person: str) -> None:
    """Name, NHS number and the key worker with their provider's name are on top."""
    worked_story(client, person)
    found = summary_of(client, person)
    assert (found["person"]["given_name"], found["person"]["nhs_number"]) == ("Ada", "9434765919")
    assert (found["key_worker"]["staff_id"], found["key_worker"]["provider_name"]) == (
        "kw-1", "Provider cmht")


def test_the_plan_shows_goals_in_words_with_their_latest_status(client: TestClient, person: str) -> None:
    """Each goal of the current plan reads as its domain, description and reviewed status."""
    worked_story(client, person)
    plan = summary_of(client, person)["plan"]
    assert [(g["domain_words"], g["description"], g["status_words"]) for g in plan["goals"]] == [
        ("housing", "a secure tenancy", "in progress"), ("mental health", "sleep through", "not started")]
    assert plan["strengths"] == ["keeps an allotment"]


def test_an_open_referral_shows_how_long_it_waited_until_seen(client: TestClient, person: str) -> None:
    """The referral received on 2 March was first seen by the team on 17 March: 15 days."""
    worked_story(client, person)
    (referral,) = summary_of(client, person)["open_referrals"]
    assert (referral["from_provider_name"], referral["to_provider_name"], referral["seen_on"],
            referral["days_waited"]) == ("Provider hub", "Provider cmht", "2024-03-17", 15)


def test_a_web_chat_contact_does_not_end_a_wait(client: TestClient, person: str) -> None:
    """A referral whose only contact is a web chat still waits (the figures' own rule)."""
    append(client, person, event("ReferralMade", "02", referral_id="r-1", to_provider_id="cmht",
                                 priority="routine", source="hub", needs=["debt"]), HUB)
    append(client, person, contact("c-1", "03", channel="web_chat"), bearer("provider", "cmht"))
    (referral,) = summary_of(client, person, HUB)["open_referrals"]
    assert referral["seen_on"] is None


def test_the_ward_stay_is_shown_while_open(client: TestClient, person: str) -> None:
    """An admission not yet discharged is the ward stay, its ward type in words."""
    worked_story(client, person)
    stay = summary_of(client, person)["ward_stay"]
    assert (stay["ward_words"], stay["admitted_at"][:10]) == ("acute", "2024-03-21")


def test_the_timeline_is_in_the_order_things_happened(client: TestClient, person: str) -> None:
    """Entries run by occurred_at, whatever order they were recorded in."""
    worked_story(client, person)
    times = [e["occurred_at"] for e in summary_of(client, person)["timeline"]]
    assert times == sorted(times)


def test_a_late_entry_is_marked(client: TestClient, person: str) -> None:
    """The 17 March contact, recorded after the 18 March one, is late; the 18 March is not."""
    versions = worked_story(client, person)
    late = [e["version"] for e in summary_of(client, person)["timeline"] if e["late"]]
    assert late == [versions["late"]]


def test_a_retracted_entry_is_marked_and_its_retraction_names_it(client: TestClient, person: str) -> None:
    """The withdrawn contact stays, marked; the retraction says what it withdrew and why."""
    versions = worked_story(client, person)
    timeline = summary_of(client, person)["timeline"]
    assert [e["version"] for e in timeline if e["retracted"]] == [versions["retracted"]]
    (retraction,) = [e for e in timeline if e["type"] == "EventRetracted"]
    assert retraction["words"] == "Withdrew the contact of 19 March 2024: wrong person"


def test_entries_read_in_words_with_provider_names(client: TestClient, person: str) -> None:
    """A referral names where it went by name; codes are words."""
    worked_story(client, person)
    (made,) = [e for e in summary_of(client, person)["timeline"] if e["type"] == "ReferralMade"]
    assert made["words"] == ("To Provider cmht, urgent, referred by the Hub, "
                             "for mental health and housing.")
    assert made["provider_name"] == "Provider hub"


def test_a_retracted_contact_counts_in_no_wait(client: TestClient, person: str) -> None:
    """A retracted contact never happened: the referral it would have ended still waits."""
    append(client, person, event("ReferralMade", "02", referral_id="r-1", to_provider_id="cmht",
                                 priority="routine", source="hub", needs=["debt"]), HUB)
    seen = append(client, person, contact("c-1", "03"), TEAM)
    append(client, person, event("EventRetracted", "04", version=seen, reason="not them"), TEAM)
    (referral,) = summary_of(client, person, HUB)["open_referrals"]
    assert referral["seen_on"] is None


def test_an_admission_reads_with_its_article(client: TestClient, person: str) -> None:
    """An acute admission out of area reads "An acute ward, out of area."."""
    append(client, person, event("AdmittedToWard", "02", stay_id="s-1", ward_type="acute",
                                 out_of_area=True), HUB)
    assert summary_of(client, person, HUB)["timeline"][-1]["words"] == "An acute ward, out of area."


def test_a_network_provider_after_a_refusal_sums_up_only_what_it_may_see(
    client: TestClient, person: str
) -> None:
    """After the person refuses sharing with the Network, housing's summary holds the registration
    and housing's own entries: not the Hub's referral, nor its contact."""
    append(client, person, event("ReferralMade", "02", referral_id="r-1", to_provider_id="housing",
                                 priority="routine", source="hub", needs=["housing"]), HUB)
    append(client, person, event("ConsentRecorded", "03", scope="share_with_network", given=False), HUB)
    append(client, person, contact("c-1", "04"), bearer("provider", "housing"))
    found = summary_of(client, person, bearer("provider", "housing"))
    assert [e["type"] for e in found["timeline"]] == ["PersonRegistered", "ContactRecorded"]
    assert found["open_referrals"] == []


def test_a_position_beyond_the_log_is_refused_as_the_lists_refuse_it(client: TestClient,
                                                                     person: str) -> None:
    """``?after=`` past the log's head names no write: 422 naming after (found in review: 200)."""
    answer = client.get(f"/people/{person}/summary", params={"after": 10**12}, headers=HUB)
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["query", "after"]


def test_a_position_in_the_log_is_answered(client: TestClient, person: str) -> None:
    assert client.get(f"/people/{person}/summary", params={"after": 1}, headers=HUB).status_code == 200
