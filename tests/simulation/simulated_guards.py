"""A plain-Python guard checker: would the ledger accept every line, in file order?"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from import_shape import Event, check_data, check_shape, valid_nhs_number
from story_guards import GUARDS, Story

IDENTIFIER = re.compile(r"[A-Za-z0-9_-]{1,64}")
NEW_IDS = {"ContactRecorded": "contact_id", "ReferralMade": "referral_id",
           "AssessmentRecorded": "assessment_id", "PlanAgreed": "plan_id",
           "AdmittedToWard": "stay_id"}
"""The events that introduce an identifier, which must be new within the story."""


@dataclass
class GuardChecker:
    """Appends lines one by one, collecting every problem the ledger would reject them for."""

    providers: set[str] = field(default_factory=set)
    nhs_numbers: set[str] = field(default_factory=set)
    stories: dict[str, Story] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def append(self, number: int, line: str) -> None:
        """Check one line against the shape and the guards."""
        event: Event = json.loads(line)
        problems = check_shape(event) + check_data(event)
        when = datetime.fromisoformat(event["occurred_at"])
        if when.tzinfo is None or when > datetime.now(UTC):
            problems.append("occurred_at without offset or in the future")
        if event["type"] == "ProviderRegistered":
            self.providers.add(event["provider_id"])
        elif event["provider_id"] not in self.providers:
            problems.append("unregistered provider")
        elif "person_id" in event:
            problems += self._person(event, when)
        self.problems += [f"line {number}: {event['type']}: {p}" for p in problems]

    def finish(self) -> list[str]:
        """Every problem found, including declines retracted but never then accepted."""
        return self.problems + [f"referral {ref} of {person} reopened but never accepted"
                                for person, story in self.stories.items()
                                for ref in story.reopened]

    def _person(self, event: Event, when: datetime) -> list[str]:
        """Check one person event against their story so far."""
        kind, data = event["type"], event["data"]
        story = self.stories.get(event["person_id"])
        if story is None:
            if kind != "PersonRegistered":
                return ["story does not start with PersonRegistered"]
            story = self.stories[event["person_id"]] = Story()
        problems = self._identity(kind, data, story)
        key = NEW_IDS.get(kind)
        if key is not None and not self._fresh(story, key, data[key]):
            problems.append(f"bad or repeated {key}")
        if kind == "ReferralMade" and data["to_provider_id"] not in self.providers:
            problems.append("referral to an unregistered provider")
        guard = GUARDS.get(kind)
        if guard is not None:
            problems += guard(event, story, when)
        story.events.append(event)
        return problems

    def _identity(self, kind: str, data: Event, story: Story) -> list[str]:
        """One registration per story, NHS numbers valid and never reused."""
        if kind != "PersonRegistered":
            return []
        if story.events:
            return ["registered twice"]
        number = data.get("nhs_number")
        if number is not None and (not valid_nhs_number(number) or number in self.nhs_numbers):
            return [f"invalid or repeated NHS number {number}"]
        self.nhs_numbers.add(number or "")
        return []

    @staticmethod
    def _fresh(story: Story, key: str, value: str) -> bool:
        """A well-formed identifier not used before in the story."""
        if not IDENTIFIER.fullmatch(value) or (key, value) in story.ids:
            return False
        story.ids.add((key, value))
        return True


def guard_problems(lines: Iterable[str]) -> list[str]:
    """Append every line in order; the problems found, if any."""
    checker = GuardChecker()
    for number, line in enumerate(lines, 1):
        checker.append(number, line)
    return checker.finish()
