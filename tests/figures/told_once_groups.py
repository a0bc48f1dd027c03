"""A borough whose March 2025 holds small told-once and waiting-time cells beside large ones.

Fourteen people assess themselves on 2 March. The hub assesses twelve of them on 10 March and
cmht two (a group too small to show); cmht also sees two people referred to it (waits of 5 and
9 days, a group too small to show its median) and the hub sees twelve (waits of 3 to 14 days).
``late`` adds one more of cmht's assessments and one more seen person, recorded afterwards.
"""

from __future__ import annotations

from uuid import UUID

from commands.person_writes import append_own
from ledger.event_lines import occurrence_of
from tests.figures.scribe import Scribe, at

PEOPLE = [UUID(int=n + 1001, version=4) for n in range(30)]
LATE = PEOPLE[29]


def build(s: Scribe) -> None:
    """Providers, people, self-assessments, assessments, referrals and first contacts."""
    s.provider("hub", "community", "hub", "40.00", "0", when="2024-12-01T09:00")
    s.provider("cmht", "secondary", "cmht", "100.00", "0", when="2024-12-01T09:00")
    for person in PEOPLE:
        s.person(person, "hub", "2024-12-15T10:00")
    for n, person in enumerate(PEOPLE[:14]):
        assessed(s, person, "cmht" if n >= 12 else "hub", n)
    for n, person in enumerate(PEOPLE[14:28]):
        receiver = "cmht" if n >= 12 else "hub"
        s.referral(person, "hub" if receiver == "cmht" else "cmht", receiver, "2025-03-01T10:00",
                   f"mar-{n}")
        day = (5, 9)[n - 12] if n >= 12 else 3 + n
        s.contact(person, receiver, f"2025-03-{1 + day:02d}T11:00", f"seen-{n}")


def assessed(s: Scribe, person: UUID, provider: str, n: int) -> None:
    """The person assesses themselves on 2 March, then ``provider`` assesses them on 10 March."""
    data = {"self_assessment_id": f"sa-{n}", "needs": ["housing"]}
    s.positions.append(append_own(s.ledger, person, [occurrence_of(
        "SelfAssessmentSubmitted", at("2025-03-02T10:00"), "self", "self", data)]).position)
    s.event(person, "AssessmentRecorded", "2025-03-10T10:00", provider, assessment_id=f"a-{n}",
            needs=["housing"], risk="low")


def late(s: Scribe) -> None:
    """One more of cmht's assessments after a self-assessment, and one more person cmht saw."""
    assessed(s, LATE, "cmht", 99)
    s.referral(PEOPLE[28], "hub", "cmht", "2025-03-01T10:00", "mar-late")
    s.contact(PEOPLE[28], "cmht", "2025-03-08T11:00", "seen-late")
