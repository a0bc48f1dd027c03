"""A small borough built by hand, with every edge case the figures must get right.

Worked out by hand (London dates; the clocks went forward on 30 March 2025):
- A: referred hub→cmht 3 Mar; declined 10 Mar, decline retracted, accepted 12 Mar; a hub contact
  at 2025-03-31T23:30Z (1 April in London); a cmht did-not-attend and an email contact in March;
  first seen by cmht on video 2 Apr (30 days).
- B: referred hub→cmht 20 Mar; a cmht contact on 25 Mar retracted; seen by phone 10 Apr (21
  days); a hub contact on 6 Mar entered late (recorded after everything else).
- C: on a rehab ward since 20 Feb (before the window), discharged home 20 Apr (59 days);
  admitted to an acute ward 10 May (a readmission within 90 days). Rehab bed days cost £300
  until the change to £350 on 10 Apr.
- D: key worker k1 then k2 (a change); assessed by hub 3 Apr then cmht 20 Apr (a repeat);
  referred to cmht 5 Apr, declined 6 Apr, re-referred 25 Apr (a re-referral, still waiting).
  Seen by hub 20 Apr after hub's unit cost rose from £40 to £50 on 15 Apr.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from tests.figures.scribe import Scribe

A = UUID("00000000-0000-4000-8000-00000000000a")
B = UUID("00000000-0000-4000-8000-00000000000b")
C = UUID("00000000-0000-4000-8000-00000000000c")
D = UUID("00000000-0000-4000-8000-00000000000d")
# The rows of a metric over this borough, keyed by (month, provider): the figures' tests' `rows` fixture.
Rows = Callable[..., dict[tuple[str, str | None], dict[str, Any]]]


def build(s: Scribe) -> None:
    """Write the borough, in the order it was recorded."""
    s.provider("hub", "community", "hub", "40.00", "0")
    s.provider("cmht", "secondary", "cmht", "100.00", "0")
    s.provider("rehab", "inpatient", "rehab_ward", "0", "300.00")
    s.provider("acute", "inpatient", "acute_ward", "0", "500.00")
    for person in (A, B, C, D):
        s.person(person, "hub", "2025-01-10T10:00")
    s.event(C, "AdmittedToWard", "2025-02-20T12:00", "rehab", stay_id="s1", ward_type="rehab",
            out_of_area=False)
    s.referral(A, "hub", "cmht", "2025-03-03T10:00", "r1")
    declined = s.event(A, "ReferralDeclined", "2025-03-10T10:00", "cmht", referral_id="r1",
                       reason="not for us")
    s.retract(A, declined, "cmht", "2025-03-11T10:00")
    s.event(A, "ReferralAccepted", "2025-03-12T10:00", "cmht", referral_id="r1")
    s.contact(A, "cmht", "2025-03-20T10:00", "c-dna", attendance="did_not_attend")
    s.contact(A, "cmht", "2025-03-25T10:00", "c-email", channel="email")
    s.contact(A, "hub", "2025-03-31T23:30", "c-late-night")
    s.referral(B, "hub", "cmht", "2025-03-20T10:00", "r2")
    wrong = s.contact(B, "cmht", "2025-03-25T10:00", "c-wrong")
    s.retract(B, wrong, "cmht", "2025-03-26T10:00")
    s.contact(A, "cmht", "2025-04-02T10:00", "c-video", channel="video")
    s.contact(B, "cmht", "2025-04-10T10:00", "c-phone", channel="telephone")
    _person_d(s)
    s.costs("rehab", "0", "350.00", "2025-04-10T09:00")
    s.costs("hub", "50.00", "0", "2025-04-15T12:00")
    s.contact(D, "hub", "2025-04-20T10:00", "c-d1")
    s.event(C, "DischargedFromWard", "2025-04-20T10:00", "rehab", stay_id="s1", destination="own_home")
    s.event(C, "AdmittedToWard", "2025-05-10T12:00", "acute", stay_id="s2", ward_type="acute",
            out_of_area=False)
    s.contact(B, "hub", "2025-03-06T10:00", "c-entered-late")


def _person_d(s: Scribe) -> None:
    s.event(D, "KeyWorkerAssigned", "2025-04-01T10:00", "hub", key_worker_staff_id="k1")
    s.event(D, "AssessmentRecorded", "2025-04-03T10:00", "hub", assessment_id="a1",
            needs=["housing"], risk="low")
    s.referral(D, "hub", "cmht", "2025-04-05T10:00", "r3")
    s.event(D, "ReferralDeclined", "2025-04-06T10:00", "cmht", referral_id="r3", reason="signposted")
    s.event(D, "KeyWorkerAssigned", "2025-04-15T10:00", "hub", key_worker_staff_id="k2")
    s.event(D, "AssessmentRecorded", "2025-04-20T10:00", "cmht", assessment_id="a2",
            needs=["housing"], risk="medium")
    s.referral(D, "hub", "cmht", "2025-04-25T10:00", "r4")
