"""What the simulator remembers about one person's story while their journey is active."""

from __future__ import annotations


class Story:
    """One person: who they are, what they need, and the state their next events must respect.

    The counters give identifiers unique within the story; `version` counts lines as they are
    written out, so that a retraction can name the version of the event it retracts.
    """

    __slots__ = (
        "assessments",
        "contacts",
        "goal_ids",
        "gp",
        "key_worker",
        "needs",
        "needs_json",
        "person_id",
        "plan_id",
        "plans",
        "referrals",
        "risk",
        "stay_open",
        "stays",
        "version",
    )

    def __init__(self, person_id: str, risk: str, needs: list[str], gp: str) -> None:
        self.person_id = person_id
        self.risk = risk
        self.needs = needs
        self.needs_json = "[" + ", ".join(f'"{need}"' for need in needs) + "]"
        self.gp = gp
        self.version = 0
        self.contacts = 0
        self.referrals = 0
        self.assessments = 0
        self.plans = 0
        self.stays = 0
        self.key_worker: str | None = None
        self.plan_id: str | None = None
        self.goal_ids: list[str] = []
        self.stay_open = False

    def next_contact(self) -> str:
        """A fresh contact id."""
        self.contacts += 1
        return f"c-{self.contacts}"

    def next_referral(self) -> str:
        """A fresh referral id."""
        self.referrals += 1
        return f"r-{self.referrals}"

    def next_assessment(self) -> str:
        """A fresh assessment id."""
        self.assessments += 1
        return f"a-{self.assessments}"

    def next_plan(self) -> str:
        """A fresh plan id."""
        self.plans += 1
        return f"p-{self.plans}"

    def next_stay(self) -> str:
        """A fresh ward stay id."""
        self.stays += 1
        return f"s-{self.stays}"

    @property
    def social_needs(self) -> list[str]:
        """The needs beyond mental health."""
        return [need for need in self.needs if need != "mental_health"]
