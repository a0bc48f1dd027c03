"""Every simulated story would pass the ledger's guards, late entries and retractions included."""

from __future__ import annotations

import itertools
import json
from collections import defaultdict
from datetime import datetime
from typing import Any

from simulated_guards import guard_problems


def _stories(lines: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Each person's events in file order."""
    stories: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in lines:
        event = json.loads(line)
        if "person_id" in event:
            stories[event["person_id"]].append(event)
    return stories


def test_every_line_passes_the_guards_in_file_order(small_borough: list[str]) -> None:
    """Appended in order, no line would be rejected."""
    assert guard_problems(small_borough) == []


def test_entries_made_twice_in_error_are_retracted(small_borough: list[str]) -> None:
    """Some contacts or assessments are retracted as duplicates."""
    reasons = [json.loads(line)["data"]["reason"] for line in small_borough
               if '"type": "EventRetracted"' in line]
    assert reasons.count("entered twice in error") > 10


def test_a_retracted_decline_is_followed_by_an_acceptance(small_borough: list[str]) -> None:
    """A decline retracted on review reopens the referral, which is then accepted."""
    reopened = 0
    for events in _stories(small_borough).values():
        for version, event in enumerate(events, 1):
            data = event["data"]
            if event["type"] == "EventRetracted" and data["version"] > 1:
                target = events[data["version"] - 1]
                if target["type"] == "ReferralDeclined":
                    ref = target["data"]["referral_id"]
                    assert any(later["type"] == "ReferralAccepted"
                               and later["data"]["referral_id"] == ref
                               for later in events[version:])
                    reopened += 1
    assert reopened > 0


def test_some_entries_are_written_up_late(small_borough: list[str]) -> None:
    """Some lines come after lines of the same story that happened later."""
    late = 0
    for events in _stories(small_borough).values():
        times = [datetime.fromisoformat(str(event["occurred_at"])) for event in events]
        late += sum(earlier > later for earlier, later in itertools.pairwise(times))
    assert late > 20


def test_stories_interleave_in_the_file(small_borough: list[str]) -> None:
    """Lines of different people are mixed, not grouped person by person."""
    people = [json.loads(line).get("person_id") for line in small_borough]
    changes = sum(a != b for a, b in itertools.pairwise(people))
    assert changes > len(people) / 2


def test_the_checker_rejects_a_decision_on_a_closed_referral(small_borough: list[str]) -> None:
    """The guard checker is not vacuous: an acceptance after closure is caught."""
    closure = next(line for line in small_borough if '"type": "ReferralClosed"' in line)
    again = closure.replace('"ReferralClosed"', '"ReferralAccepted"').replace(
        ', "reason": "', ', "x": "')
    event = json.loads(again)
    event["data"] = {"referral_id": event["data"]["referral_id"]}
    problems = guard_problems([*small_borough, json.dumps(event)])
    assert len(problems) == 1
    assert "not open" in problems[0]
