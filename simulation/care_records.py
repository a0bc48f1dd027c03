"""Staff writing up care: one method per event of the catalogue that happens between people."""

from __future__ import annotations

import json

from simulation.chance import Chance
from simulation.clock import MINUTES_PER_DAY, LondonClock
from simulation.parameters import RecordingParameters
from simulation.recording import VERSION, Recorder, Written
from simulation.story import Story


class CareRecords:
    """Formats events as import lines dated `now` and hands them to the recorder.

    Contacts and assessments are sometimes written up late, or entered twice and the duplicate
    retracted; every other event is recorded as it happens, so each story keeps a valid order.
    """

    def __init__(self, clock: LondonClock, recorder: Recorder, rng: Chance,
                 habits: RecordingParameters) -> None:
        self.now = 0
        self.clock = clock
        self.recorder = recorder
        self._rng = rng
        self._habits = habits

    def line(self, kind: str, story: Story, provider: str, staff: str, at: int, data: str) -> str:
        """One import line."""
        return (f'{{"type": "{kind}", "person_id": "{story.person_id}", "provider_id": '
                f'"{provider}", "staff_id": "{staff}", "occurred_at": "{self.clock.iso(at)}", '
                f'"data": {data}}}')

    def event(self, kind: str, story: Story, provider: str, staff: str, data: str,
              at: int | None = None, keep: bool = False) -> Written | None:
        """Record an event as it happens (at `now` unless told)."""
        when = self.now if at is None else at
        line = self.line(kind, story, provider, staff, when, data)
        return self.recorder.write(when, story, line, keep)

    def write_up(self, kind: str, story: Story, provider: str, staff: str, data: str) -> None:
        """Record a contact or assessment: perhaps late, perhaps also once more in error."""
        habits, rng, now = self._habits, self._rng, self.now
        recorded = now
        if rng.random() < habits.late_entry_rate:
            recorded += rng.between(MINUTES_PER_DAY, habits.late_days * MINUTES_PER_DAY)
        self.recorder.write(recorded, story, self.line(kind, story, provider, staff, now, data))
        if rng.random() < habits.retraction_rate:
            self._duplicate(kind, story, provider, staff, data, recorded)

    def _duplicate(self, kind: str, story: Story, provider: str, staff: str, data: str,
                   recorded: int) -> None:
        """Enter an event a second time by mistake, then retract the duplicate."""
        if kind == "ContactRecorded":
            data = data.replace(f'"c-{story.contacts}"', f'"{story.next_contact()}"', 1)
        else:
            data = data.replace(f'"a-{story.assessments}"', f'"{story.next_assessment()}"', 1)
        line = self.line(kind, story, provider, staff, self.now, data)
        target = self.recorder.write(recorded, story, line, keep=True)
        assert target is not None
        later = recorded + self._rng.between(30, self._habits.retraction_days * MINUTES_PER_DAY)
        self.retract(story, provider, staff, target, "entered twice in error", later)

    def retract(self, story: Story, provider: str, staff: str, target: Written, reason: str,
                at: int) -> None:
        """Retract an earlier line of the same story."""
        data = f'{{"version": {VERSION}, "reason": {json.dumps(reason)}}}'
        line = self.line("EventRetracted", story, provider, staff, at, data)
        self.recorder.write_retraction(at, story, line, target)

    def register(self, story: Story, provider: str, staff: str, details: str,
                 at: int | None = None) -> None:
        """The person's first event: their identifying details, as a JSON object."""
        self.event("PersonRegistered", story, provider, staff, details, at)

    def contact(self, story: Story, provider: str, staff: str, channel: str, attended: bool,
                purpose: str, minutes: int, referral_id: str | None = None,
                attendance: str | None = None) -> None:
        """A contact with the person: attended, or missed in the way `attendance` names."""
        status = "attended" if attended else attendance or "did_not_attend"
        link = f'"referral_id": "{referral_id}", ' if referral_id else ""
        data = (f'{{"contact_id": "{story.next_contact()}", {link}"channel": "{channel}", '
                f'"attendance": "{status}", "purpose": "{purpose}", '
                f'"duration_minutes": {minutes if attended else 0}}}')
        self.write_up("ContactRecorded", story, provider, staff, data)

    def assessment(self, story: Story, provider: str, staff: str, strengths: str) -> None:
        """An assessment of the person's needs, strengths (a JSON list) and risk."""
        data = (f'{{"assessment_id": "{story.next_assessment()}", "needs": '
                f'{story.needs_json}, "strengths": {strengths}, '
                f'"risk": "{story.risk}"}}')
        self.write_up("AssessmentRecorded", story, provider, staff, data)

    def consent(self, story: Story, provider: str, staff: str, scope: str) -> bool:
        """The person's answer on sharing their story: whether they agreed."""
        given = self._rng.random() < self._habits.consent_given
        self.event("ConsentRecorded", story, provider, staff,
                   f'{{"scope": "{scope}", "given": {"true" if given else "false"}}}')
        return given
