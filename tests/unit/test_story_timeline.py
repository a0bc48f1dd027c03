"""The timeline's marks and words, without a database: late entries, ordering and plain words."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from api.http.story_timeline import late_versions, timeline
from api.http.story_words import words
from ledger.facts import Entry


def entry(number: int, day: int, type_: str = "ContactRecorded", **data: Any) -> Entry:
    """An entry recorded as version ``number``, dated ``day`` August 2025."""
    when = datetime(2025, 8, day, 10, tzinfo=UTC)
    return Entry(version=number, type=type_, occurred_at=when, recorded_at=when, provider_id="team",
                 staff_id="s-1", data=data)


def test_an_entry_dated_before_one_recorded_earlier_is_late() -> None:
    """18th, then 17th, then 19th: only the 17th is late."""
    assert late_versions([entry(1, 18), entry(2, 17), entry(3, 19)]) == {2}


def test_an_entry_of_the_same_day_and_time_is_not_late() -> None:
    """An entry dated at the same instant as the latest so far is not late."""
    assert late_versions([entry(1, 18), entry(2, 18)]) == set()


def test_late_is_against_any_earlier_recorded_entry_not_only_the_last() -> None:
    """20th, 15th, 16th: the 16th is still late (the 20th was recorded before it)."""
    assert late_versions([entry(1, 20), entry(2, 15), entry(3, 16)]) == {2, 3}


def test_the_timeline_orders_by_occurrence_then_version() -> None:
    """Dated 12th, 10th, 10th: shown 2, 3, 1 (one instant keeps the version order)."""
    entries = [entry(1, 12, "PersonRegistered"),
               entry(2, 10, "ConsentRecorded", scope="research", given=True),
               entry(3, 10, "ConsentRecorded", scope="research", given=False)]
    assert [e.version for e in timeline(entries, str)] == [2, 3, 1]


def test_needs_read_as_a_list_in_words() -> None:
    """Codes become words joined as a sentence would join them."""
    assert words(["mental_health", "substance_use", "caring"]) == (
        "mental health, substance use and caring for someone")


def test_a_withholding_names_the_entry_it_keeps_from_the_person() -> None:
    """Staff read which entry is withheld from the person, and why, in words."""
    entries = [entry(1, 12, "PersonRegistered"),
               entry(2, 13, "ConsentRecorded", scope="research", given=True),
               entry(3, 14, "EntryWithheldFromPerson", version=2, reason="third_party_details")]
    assert timeline(entries, str)[-1].words == (
        "The consent of 13 August 2025 is not shown to the person: "
        "it holds details about someone else.")


def test_the_persons_own_assessment_reads_in_their_words() -> None:
    """A self-assessment shows its needs in words and what the person wrote."""
    entries = [entry(1, 12, "PersonRegistered"),
               entry(2, 13, "SelfAssessmentSubmitted", needs=["isolation"], own_words="lonely since May")]
    assert timeline(entries, str)[-1].words == "Needs: isolation. In their words: lonely since May"
