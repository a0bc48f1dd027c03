"""A borough with small groups beside large ones, for replaying differencing attacks.

March 2025 (London): hub sees 12 people (£40 each), cmht 8 (£100 each), the GP 7 (£30 each),
and one person spends the whole month on the rehab ward (31 bed days at £300 = £9,300), a group
of one whose cost must stay hidden. cmht receives 8 referrals in January, 3 in February (a
suppressed month) and 12 in March, of which 9 are accepted and 3 declined (a suppressed count).
"""

from __future__ import annotations

from uuid import UUID

from tests.figures.scribe import Scribe

PEOPLE = [UUID(int=n + 1, version=4) for n in range(40)]
ON_THE_WARD = PEOPLE[30]
WARD_COST = "9300.00"


def build(s: Scribe) -> None:
    """Write the borough: providers, people, referrals, decisions, contacts and the ward stay."""
    s.provider("hub", "community", "hub", "40.00", "0", when="2024-12-01T09:00")
    s.provider("cmht", "secondary", "cmht", "100.00", "0", when="2024-12-01T09:00")
    s.provider("gp", "primary", "gp", "30.00", "0", when="2024-12-01T09:00")
    s.provider("rehab", "inpatient", "rehab_ward", "0", "300.00", when="2024-12-01T09:00")
    for person in PEOPLE:
        s.person(person, "hub", "2024-12-15T10:00")
    for n in range(8):
        s.referral(PEOPLE[n], "hub", "cmht", f"2025-01-{n + 10:02d}T10:00", f"jan-{n}")
    for n in range(8, 11):
        s.referral(PEOPLE[n], "hub", "cmht", f"2025-02-{n + 2:02d}T10:00", f"feb-{n}")
    for n in range(12, 24):
        s.referral(PEOPLE[n], "hub", "cmht", "2025-03-03T10:00", f"mar-{n}")
        if n < 21:
            s.event(PEOPLE[n], "ReferralAccepted", "2025-03-04T10:00", "cmht", referral_id=f"mar-{n}")
        else:
            s.event(PEOPLE[n], "ReferralDeclined", "2025-03-04T10:00", "cmht",
                    referral_id=f"mar-{n}", reason="not for us")
    for n in range(12):
        s.contact(PEOPLE[n], "hub", f"2025-03-{n + 5:02d}T10:00", f"hub-{n}")
    for n in range(12, 20):
        s.contact(PEOPLE[n], "cmht", f"2025-03-{n:02d}T11:00", f"cmht-{n}")
    for n in range(24, 31):
        s.contact(PEOPLE[n], "gp", f"2025-03-{n - 20:02d}T09:00", f"gp-{n}")
    s.event(ON_THE_WARD, "AdmittedToWard", "2025-02-27T12:00", "rehab", stay_id="w1",
            ward_type="rehab", out_of_area=False)
