"""Primary care: someone sees their GP, who refers on (to secondary care, or later the Hub) or not."""

from __future__ import annotations

from simulation import hub, secondary_care
from simulation.borough import Borough, Journey
from simulation.people import come_forward


def presentation(borough: Borough) -> Journey:
    """A GP appointment about mental health, and what the GP does next."""
    rng, pathways, records = borough.rng, borough.params.pathways, borough.records
    practice = rng.pick(borough.practices)
    gp = borough.staff(practice)
    story = come_forward(borough, practice, gp)
    story.gp = practice
    records.contact(story, practice, gp, "face_to_face", True, "assessment", 15)
    if borough.opened:
        to_secondary = rng.random() < pathways.gp_refers_secondary_after[story.risk]
        to_hub = not to_secondary and rng.random() < pathways.gp_refers_hub_after[story.risk]
    else:
        to_secondary = rng.random() < pathways.gp_refers_secondary_before[story.risk]
        to_hub = False
    if to_secondary or to_hub:
        yield borough.later(0, 2)
        if to_secondary:
            yield from secondary_care.referral(borough, story, practice, gp, "gp")
        else:
            yield from hub.introduced(borough, story, practice, gp, "gp")
    elif rng.random() < pathways.gp_review:
        yield borough.later(10, 20)
        records.contact(story, practice, gp, "face_to_face", rng.random() >= 0.1, "review", 15)
