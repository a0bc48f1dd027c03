"""Crisis: a police or A&E referral to home treatment, or a crisis call to the 24/7 Hub line."""

from __future__ import annotations

from simulation import hub, secondary_care, wards
from simulation.borough import Borough, Journey
from simulation.people import come_forward, strengths
from simulation.story import Story


def presentation(borough: Borough) -> Journey:
    """Someone in crisis is seen by home treatment within hours; admitted, or treated at home."""
    records, rng, pathways = borough.records, borough.rng, borough.params.pathways
    worker = borough.staff("home-tx")
    story = come_forward(borough, "home-tx", worker, risk="high")
    source = "police" if rng.random() < 0.6 else "other"
    priority = "emergency" if rng.random() < 0.7 else "very_urgent"
    ref = records.referral_made(story, "home-tx", worker, "home-tx", priority, source)
    yield borough.now + rng.between(30, 240)
    records.contact(story, "home-tx", worker, "face_to_face", True, "crisis", 90, ref)
    records.assessment(story, "home-tx", worker, strengths(borough))
    records.accepted(story, "home-tx", worker, ref)
    admission = pathways.crisis_admission_after if borough.opened else \
        pathways.crisis_admission_before
    if rng.random() < admission:
        yield from wards.acute_stay(borough, story)
    else:
        for _ in range(borough.rng.geometric(pathways.home_treatment_visits_mean)):
            yield borough.now + rng.between(1000, 2880)
            records.contact(story, "home-tx", worker, "face_to_face", True, "intervention", 60,
                            ref)
    records.closed(story, "home-tx", worker, ref, "treatment_complete")
    yield from follow_up(borough, story, worker)


def follow_up(borough: Borough, story: Story, worker: str) -> Journey:
    """After a crisis: the community team, or since the switch often the Hub."""
    rng, pathways = borough.rng, borough.params.pathways
    roll = rng.random()
    to_cmht = pathways.crisis_to_cmht_after if borough.opened else pathways.crisis_to_cmht_before
    if roll < to_cmht:
        yield borough.later(0, 2)
        yield from secondary_care.referral(borough, story, "home-tx", worker, "secondary")
    elif borough.opened and roll < to_cmht + pathways.crisis_to_hub_after:
        yield from hub.introduced(borough, story, "home-tx", worker, "secondary")


def call(borough: Borough, story: Story) -> None:
    """A crisis call answered by the Hub's round-the-clock line."""
    borough.records.contact(story, "hub", borough.staff("hub"), "telephone", True, "crisis", 40)
