"""The Hub: open access by walk-in, phone, email or web, or an introduction; no thresholds."""

from __future__ import annotations

from simulation import crisis, network, secondary_care
from simulation.borough import Borough, Journey, Steps
from simulation.people import come_forward, strengths
from simulation.story import Story

FIRST_CONTACTS = {
    "walk_in": ("face_to_face", "drop_in", 45),
    "phone": ("telephone", "assessment", 30),
    "email": ("email", "assessment", 10),
    "web": ("web_chat", "assessment", 15),
}
CHANNELS = ("face_to_face",) * 6 + ("telephone",) * 3 + ("video",)


def self_referral(borough: Borough, channel: str) -> Journey:
    """Someone comes to the Hub themselves; email and web lead to a first appointment."""
    records, worker = borough.records, borough.staff("hub")
    story = come_forward(borough, "hub", worker)
    ref = records.referral_made(story, "hub", worker, "hub", "routine", "self")
    records.accepted(story, "hub", worker, ref)
    mode, purpose, minutes = FIRST_CONTACTS[channel]
    records.contact(story, "hub", worker, mode, True, purpose, minutes, ref)
    in_person = mode not in ("email", "web_chat")
    if in_person or (yield from first_appointment(borough, story, ref, worker)):
        yield from episode(borough, story, ref, worker)


def introduced(borough: Borough, story: Story, sender: str, staff: str, source: str) -> Journey:
    """A GP or a secondary team introduces someone to the Hub."""
    records, worker = borough.records, borough.staff("hub")
    ref = records.referral_made(story, sender, staff, "hub", "routine", source)
    yield borough.later(*borough.params.teams["hub"].triage_days)
    records.accepted(story, "hub", worker, ref)
    if (yield from first_appointment(borough, story, ref, worker)):
        yield from episode(borough, story, ref, worker)


def first_appointment(borough: Borough, story: Story, ref: str, worker: str) -> Steps:
    """A first appointment from the Hub's list, offered twice before the Hub lets go."""
    records, team = borough.records, borough.params.teams["hub"]
    for _ in range(2):
        offered = yield from borough.lists["hub"].wait(False)
        if offered is None or offered < 0:
            break
        yield offered
        attended = borough.rng.random() >= team.dna_rate
        records.contact(story, "hub", worker, "face_to_face", attended, "assessment",
                        team.session_minutes, ref)
        if attended:
            return True
    records.closed(story, "hub", worker, ref, "no_contact")
    return False


def episode(borough: Borough, story: Story, ref: str, worker: str) -> Journey:
    """Assessment, a plan and key worker when needs are complex, the Network, sessions, closure."""
    records, rng, pathways = borough.records, borough.rng, borough.params.pathways
    records.assessment(story, "hub", worker, strengths(borough))
    shared = records.consent(story, "hub", worker, "share_with_network")
    complex_needs = story.risk == "high" or len(story.social_needs) >= pathways.complex_needs
    if complex_needs:
        records.key_worker_assigned(story, "hub", worker)
        records.plan_agreed(story, "hub", worker, strengths(borough))
    for need in story.social_needs:
        if shared and need in pathways.network and rng.random() < pathways.network_referral:
            borough.begin(network.referral(borough, story, need, worker), borough.later(1, 4))
    if rng.random() < pathways.hub_refers_secondary[story.risk]:
        borough.begin(secondary_care.referral(borough, story, "hub", worker, "hub"),
                      borough.later(1, 4))
    if rng.random() < pathways.crisis_contact_rate:
        borough.call_at(borough.now + rng.between(60, 40320), lambda: crisis.call(borough, story))
    dna = borough.params.teams["hub"].dna_rate
    for _ in range(borough.rng.geometric(pathways.hub_sessions_mean)):
        yield borough.later(*pathways.hub_gap_days)
        records.contact(story, "hub", worker, rng.pick(CHANNELS), rng.random() >= dna,
                        "intervention", 45, ref)
    if complex_needs:
        records.plan_reviewed(story, "hub", worker)
        records.key_worker_ended(story, "hub", worker)
    records.closed(story, "hub", worker, ref, "treatment_complete")
