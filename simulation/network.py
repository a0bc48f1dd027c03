"""The Network: community providers resolving what triggers ill health (housing, debt, ...)."""

from __future__ import annotations

from simulation.borough import Borough, Journey
from simulation.story import Story

CHANNELS = ("face_to_face",) * 3 + ("telephone",) * 2


def referral(borough: Borough, story: Story, need: str, sender_staff: str) -> Journey:
    """The Hub refers a social need to its Network provider, which works on it for a while."""
    service = borough.params.pathways.network[need]
    provider, team = service.provider_id, borough.params.teams[service.provider_id]
    records, rng = borough.records, borough.rng
    ref = records.referral_made(story, "hub", sender_staff, provider, "routine", "hub")
    worker = borough.staff(provider)
    yield borough.later(*team.triage_days)
    records.accepted(story, provider, worker, ref)
    offered = yield from borough.lists[provider].wait(False)
    if offered is None or offered < 0:
        records.closed(story, provider, worker, ref, "no_contact")
        return
    yield offered
    attended_any = False
    for session in range(1 + borough.rng.geometric(service.sessions_mean - 1)):
        if session:
            yield borough.later(*service.gap_days)
        attended = rng.random() >= team.dna_rate
        attended_any = attended_any or attended
        records.contact(story, provider, worker, rng.pick(CHANNELS), attended, "intervention",
                        team.session_minutes, ref)
    resolved = attended_any and rng.random() < service.resolve_probability
    records.closed(story, provider, worker, ref,
                   "treatment_complete" if resolved else "declined_by_person")
