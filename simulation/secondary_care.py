"""Secondary care: triage, the wait for a first appointment, assessment, then treatment or not."""

from __future__ import annotations

from simulation import hub, wards
from simulation.borough import Borough, Journey, Steps
from simulation.clock import MINUTES_PER_DAY
from simulation.people import strengths
from simulation.story import Story
from simulation.waiting_lists import TRANSFERRED

CHANNELS = ("face_to_face",) * 7 + ("telephone",) * 2 + ("video",)
CLOSURES = ("treatment_complete",) * 17 + ("moved_away", "declined_by_person", "transferred")


def choose_team(borough: Borough) -> str:
    """Early intervention in psychosis for some, the community team for the rest."""
    pathways = borough.params.pathways
    return "psychosis-1" if borough.rng.random() < pathways.psychosis_share else "cmht-1"


def referral(borough: Borough, story: Story, sender: str, staff: str, source: str) -> Journey:
    """A routine or urgent referral into a secondary team, from receipt to the end of care."""
    team, pathways = choose_team(borough), borough.params.pathways
    urgent = story.risk == "high" and borough.rng.random() < pathways.urgent_when_high_risk
    ref = borough.records.referral_made(story, sender, staff, team,
                                        "urgent" if urgent else "routine", source)
    yield borough.later(*borough.params.teams[team].triage_days)
    if borough.rng.random() < pathways.triage_decline[story.risk]:
        borough.records.declined(story, team, borough.staff(team), ref,
                                 "needs can be met in primary or community care",
                                 "hub" if borough.opened else story.gp)
        return
    yield from after_triage(borough, story, team, ref, urgent, source == "hub")


def after_triage(borough: Borough, story: Story, team: str, ref: str, urgent: bool,
                 shared: bool = False) -> Journey:
    """From the waiting list on: assessment, then a decision, then treatment if accepted."""
    worker = borough.staff(team)
    if (yield from first_appointment(borough, story, team, ref, worker, urgent, shared)):
        yield from decide(borough, story, team, ref, worker)


def first_appointment(borough: Borough, story: Story, team: str, ref: str, worker: str,
                      urgent: bool, shared: bool) -> Steps:
    """Wait for a slot and attend it; False if the referral ends first."""
    params, records, rng = borough.params.teams[team], borough.records, borough.rng
    joined, missed = borough.now, 0
    while True:
        offered = yield from borough.lists[team].wait(urgent, shared)
        if offered == TRANSFERRED:
            records.declined(story, team, worker, ref, "support offered by the Hub instead", "hub")
            borough.begin(hub.introduced(borough, story, team, worker, "secondary"),
                          borough.later(0, 2))
            return False
        if offered is None:
            records.declined(story, team, worker, ref, "no reply to appointment offers", story.gp)
            return False
        yield offered
        weeks = (borough.now - joined) / (7 * MINUTES_PER_DAY)
        attended = rng.random() >= params.dna_rate + params.dna_per_week_waited * weeks
        records.contact(story, team, worker, "face_to_face", attended, "assessment",
                        params.session_minutes, ref)
        if attended:
            return True
        missed, urgent = missed + 1, True
        if missed == 2:
            records.declined(story, team, worker, ref, "did not attend twice", story.gp)
            return False


def decide(borough: Borough, story: Story, team: str, ref: str, worker: str) -> Journey:
    """Assess, then at the team's next allocation meeting accept or decline (and maybe rethink)."""
    records, rng, pathways = borough.records, borough.rng, borough.params.pathways
    records.assessment(story, team, worker, strengths(borough))
    yield borough.later(1, 3)
    if rng.random() >= pathways.assessment_accept[story.risk]:
        kept = records.declined(story, team, worker, ref, "needs can be met in the community",
                                "hub" if borough.opened else story.gp,
                                keep=rng.random() < pathways.decline_reversal)
        if kept is None:
            return
        yield borough.later(3, 12)
        records.retract(story, team, worker, kept, "declined in error", borough.now)
    records.accepted(story, team, worker, ref)
    yield from treatment(borough, story, team, ref, worker)


def treatment(borough: Borough, story: Story, team: str, ref: str, worker: str) -> Journey:
    """Care coordination: a key worker, a shared plan, regular contacts, perhaps an admission."""
    records, rng, pathways = borough.records, borough.rng, borough.params.pathways
    records.key_worker_assigned(story, team, worker)
    records.plan_agreed(story, team, worker, strengths(borough))
    sessions = 1 + borough.rng.geometric(pathways.treatment_contacts_mean - 1)
    admit_at = rng.below(sessions) if rng.random() < pathways.treatment_admission[
        story.risk] else -1
    for session in range(sessions):
        yield borough.later(*pathways.treatment_gap_days)
        attended = rng.random() >= borough.params.teams[team].dna_rate
        records.contact(story, team, worker, rng.pick(CHANNELS), attended, "intervention",
                        50, ref)
        if session == sessions // 2:
            records.plan_reviewed(story, team, worker)
        if session == admit_at:
            yield from wards.acute_stay(borough, story)
    reason = rng.pick(CLOSURES)
    if reason == "moved_away":
        records.moved_home(story, team, worker, borough.identities.postcode())
    records.closed(story, team, worker, ref, reason)
    records.key_worker_ended(story, team, worker)
