"""One sentence per story entry, in plain words with provider names, for the story's timeline.

``sentence(entry, context)`` says what the entry records; ``context`` knows the providers' names
and the story's referrals, plans and entries (so a decision names whom the referral came from and
a retraction names the entry it withdrew).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from api.http.story_words import FIELDS, a, day, heading, sealed, word, words
from ledger.facts import Entry


@dataclass(frozen=True)
class Context:
    """What a sentence may refer to: provider names, referrals and plans by id, entries by version."""

    names: Callable[[str], str]
    referrals: dict[str, Entry]
    plans: dict[str, Entry]
    entries: dict[int, Entry]

    def sender(self, referral_id: str) -> str:
        """Who made a referral, by name."""
        made = self.referrals.get(referral_id)
        return self.names(made.provider_id) if made else "another service"

    def goal(self, plan_id: str, goal_id: str) -> str:
        """A plan goal's description (its id when the plan or goal is not in view)."""
        plan = self.plans.get(plan_id)
        for goal in plan.data["goals"] if plan else ():
            if goal["goal_id"] == goal_id:
                return sealed(goal.get("description"), "(goal text erased)")
        return goal_id


def _contact(d: dict[str, Any], c: Context) -> str:
    how = "face to face" if d["channel"] == "face_to_face" else f"by {word(d['channel'])}"
    said = (f"{word(d['purpose']).capitalize()} contact {how}: "
            f"{word(d['attendance'])}, {d['duration_minutes']} minutes.")
    if "referral_id" in d:
        said += f" About the referral from {c.sender(d['referral_id'])}."
    return said + (f" {sealed(d['summary'])}" if "summary" in d else "")


def _assessment(d: dict[str, Any], c: Context) -> str:
    strengths = d.get("strengths")
    said = f"Needs: {words(d['needs'])}. Risk: {word(d['risk'])}."
    if strengths:
        said += f" Strengths: {'; '.join(strengths)}."
    if strengths is None and "strengths" in d:
        said += " Strengths: (erased)."
    return said + (f" {sealed(d['summary'])}" if "summary" in d else "")


def _referral(d: dict[str, Any], c: Context) -> str:
    said = (f"To {c.names(d['to_provider_id'])}, {word(d['priority'])}, referred by "
            f"{word(d['source'])}, for {words(d['needs'])}.")
    return said + (f" Reason: {sealed(d['reason'])}" if "reason" in d else "")


def _declined(d: dict[str, Any], c: Context) -> str:
    said = f"The referral from {c.sender(d['referral_id'])} was declined: {sealed(d['reason'])}"
    if "signposted_to_provider_id" in d:
        said += f" Signposted to {c.names(d['signposted_to_provider_id'])}."
    return said


def _plan(d: dict[str, Any], c: Context) -> str:
    goals = "; ".join(f"{word(g['domain'])}: {sealed(g.get('description'), '(erased)')}"
                      for g in d["goals"])
    said = f"Goals: {goals or 'none yet'}."
    strengths = d.get("strengths")
    return said + (f" Strengths: {'; '.join(strengths)}." if strengths else "")


def _review(d: dict[str, Any], c: Context) -> str:
    progress = "; ".join(f"{c.goal(d['plan_id'], p['goal_id'])}: {word(p['status'])}"
                         for p in d["progress"])
    return f"Progress: {progress or 'no goals reviewed'}."


def _discharged(d: dict[str, Any], c: Context) -> str:
    said = f"Discharged to {word(d['destination'])}."
    if "support_provider_id" in d:
        said += f" Support from {c.names(d['support_provider_id'])}."
    return said


def _retracted(d: dict[str, Any], c: Context) -> str:
    gone = c.entries.get(d["version"])
    what = f"the {heading(gone.type).lower()} of {day(gone.occurred_at)}" if gone else "an entry"
    return f"Withdrew {what}: {sealed(d['reason'])}"


def _self_assessment(d: dict[str, Any], c: Context) -> str:
    said = f"Needs: {words(d['needs'])}."
    for key, label in (("own_words", "In their words"), ("what_matters", "What matters")):
        if key in d:
            said += f" {label}: {sealed(d[key])}"
    strengths = d.get("strengths")
    return said + (f" Strengths: {'; '.join(strengths)}." if strengths else "")


def _withheld(d: dict[str, Any], c: Context) -> str:
    kept = c.entries.get(d["version"])
    what = f"The {heading(kept.type).lower()} of {day(kept.occurred_at)}" if kept else "An entry"
    return f"{what} is not shown to the person: {word(d['reason'])}."


def _consent(d: dict[str, Any], c: Context) -> str:
    return f"{'Agreed to' if d['given'] else 'Refused'} {word(d['scope'])}."


SENTENCES: dict[str, Callable[[dict[str, Any], Context], str]] = {
    "PersonRegistered": lambda d, c: "Story started.",
    "DetailsUpdated": lambda d, c: f"Changed: {', '.join(FIELDS.get(k, k) for k in d) or 'nothing'}.",
    "ConsentRecorded": _consent,
    "ContactRecorded": _contact,
    "AssessmentRecorded": _assessment,
    "ReferralMade": _referral,
    "ReferralAccepted": lambda d, c: f"The referral from {c.sender(d['referral_id'])} was accepted.",
    "ReferralDeclined": _declined,
    "ReferralClosed": lambda d, c: (f"The referral from {c.sender(d['referral_id'])} was closed: "
                                    f"{word(d['reason'])}."),
    "KeyWorkerAssigned": lambda d, c: f"Key worker: {d['key_worker_staff_id']}.",
    "KeyWorkerEnded": lambda d, c: f"{d['key_worker_staff_id']} is no longer the key worker.",
    "PlanAgreed": _plan,
    "PlanReviewed": _review,
    "AdmittedToWard": lambda d, c: (f"{a(word(d['ward_type'])).capitalize()} ward"
                                    f"{', out of area' if d['out_of_area'] else ''}."),
    "DischargedFromWard": _discharged,
    "RelationshipClaimed": lambda d, c: f"Reason: {sealed(d['reason'])}",
    "EventRetracted": _retracted,
    "PersonNoteAdded": lambda d, c: sealed(d["note"]),
    "SelfAssessmentSubmitted": _self_assessment,
    "EntryWithheldFromPerson": _withheld,
}


def sentence(entry: Entry, context: Context) -> str:
    """What the entry records, in words."""
    said = SENTENCES.get(entry.type)
    return said(entry.data, context) if said else heading(entry.type)
