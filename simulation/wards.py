"""Wards: acute stays, long rehab stays, and IPSA moving people from rehab into the community."""

from __future__ import annotations

from simulation.borough import Borough, Journey
from simulation.clock import MINUTES_PER_DAY
from simulation.people import come_forward, pick, strengths
from simulation.story import Story

MONTH_DAYS = 30.44
HOME_MOVES = ("own_home", "supported_housing", "family")


def acute_stay(borough: Borough, story: Story) -> Journey:
    """An acute admission, home again after some weeks, or on to the rehab ward."""
    rng, params = borough.rng, borough.params.wards
    worker = borough.staff("acute-ward")
    stay = borough.records.admitted(story, "acute-ward", worker, "acute", rng.random() < 0.1)
    if stay is None:
        return
    yield borough.now + int((1 + rng.expovariate(1.0 / params.acute_stay_days)) * MINUTES_PER_DAY)
    yield borough.later(0, 0)
    to_rehab = rng.random() < params.acute_to_rehab
    borough.records.discharged(story, "acute-ward", worker, stay,
                               "another_ward" if to_rehab else "own_home")
    if to_rehab:
        borough.begin(rehab_stay(borough, story), borough.now + rng.between(30, 300))


def _leaving(borough: Borough) -> int:
    """When a rehab stay ends: slowly before the switch, sooner once IPSA works on it."""
    params, rng, now = borough.params.wards, borough.rng, borough.now
    stay = rng.expovariate(1.0 / params.rehab_months_before) * MONTH_DAYS * MINUTES_PER_DAY
    if now + stay < borough.switch:
        return now + int(stay)
    start = max(now, borough.switch)
    return start + int(rng.expovariate(1.0 / params.ipsa_months) * MONTH_DAYS * MINUTES_PER_DAY)


def rehab_stay(borough: Borough, story: Story, admitted: int | None = None) -> Journey:
    """A rehab stay until a move out (to IPSA's support after the switch) or to a care home."""
    params, records, worker = borough.params.wards, borough.records, borough.staff("rehab-ward")
    out_of_area = borough.rng.random() < 0.15
    stay = records.admitted(story, "rehab-ward", worker, "rehab", out_of_area, admitted)
    if stay is None:
        return
    yield _leaving(borough)
    yield borough.later(0, 0)
    with_ipsa = borough.opened
    destination = pick(borough, params.destinations_ipsa if with_ipsa else params.destinations_before)
    records.discharged(story, "rehab-ward", worker, stay, destination, "ipsa" if with_ipsa else None)
    readmission = params.readmission_ipsa if with_ipsa else params.readmission_before
    if destination in HOME_MOVES and borough.rng.random() < readmission:
        borough.begin(acute_stay(borough, story), borough.later(3, 60))
    if with_ipsa:
        yield from ipsa_support(borough, story, worker)


def ipsa_support(borough: Borough, story: Story, ward_staff: str) -> Journey:
    """IPSA's key worker and shared plan, with regular contacts for some months."""
    params, records, rng = borough.params.wards, borough.records, borough.rng
    worker = borough.staff("ipsa")
    ref = records.referral_made(story, "rehab-ward", ward_staff, "ipsa", "routine", "secondary")
    records.accepted(story, "ipsa", worker, ref)
    records.key_worker_assigned(story, "ipsa", worker)
    records.plan_agreed(story, "ipsa", worker, strengths(borough))
    until = borough.now + int(params.ipsa_support_months * MONTH_DAYS * MINUTES_PER_DAY)
    while borough.now < until:
        yield borough.later(*params.ipsa_gap_days)
        records.contact(story, "ipsa", worker, "face_to_face", rng.random() >= 0.08,
                        "intervention", 60, ref)
    records.plan_reviewed(story, "ipsa", worker)
    records.closed(story, "ipsa", worker, ref, "treatment_complete")
    records.key_worker_ended(story, "ipsa", worker)


def transfer_in(borough: Borough) -> Journey:
    """Someone comes home from a placement elsewhere to the local rehab ward."""
    story = come_forward(borough, "rehab-ward", borough.staff("rehab-ward"), "high")
    yield from rehab_stay(borough, story)
