"""Someone new comes forward: who they are, their risk and needs, and their registration."""

from __future__ import annotations

from datetime import date, timedelta

from simulation.borough import Borough
from simulation.story import Story

STRENGTHS = (
    "supportive sister", "good friends nearby", "enjoys cooking", "plays football",
    "volunteers at a food bank", "keen gardener", "faith community", "loves music",
    "wants to return to work", "close to their children", "good at budgeting", "art and drawing",
)
_EPOCH = date(1970, 1, 1)


def _pick(weights: dict[str, float], roll: float) -> str:
    """The key whose cumulative weight first exceeds `roll` times the total."""
    target = roll * sum(weights.values())
    for key, weight in weights.items():
        target -= weight
        if target < 0:
            return key
    return key


def pick(borough: Borough, weights: dict[str, float]) -> str:
    """A key drawn with probability proportional to its weight."""
    return _pick(weights, borough.rng.random())


def strengths(borough: Borough) -> str:
    """One to three strengths the person names, as a JSON list."""
    rng = borough.rng
    named = {rng.pick(STRENGTHS) for _ in range(rng.between(1, 3))}
    return "[" + ", ".join(f'"{strength}"' for strength in sorted(named)) + "]"


def come_forward(borough: Borough, provider: str, staff: str, risk: str | None = None,
                 at: int | None = None) -> Story:
    """A new person, registered by the provider they first meet."""
    rng, pathways, identities = borough.rng, borough.params.pathways, borough.identities
    needs = ["mental_health"]
    needs += [need for need, chance in pathways.social_needs.items() if rng.random() < chance]
    gp = rng.pick(borough.practices)
    story = Story(identities.person_id(), risk or pick(borough, pathways.risk_shares), needs, gp)
    when = borough.now if at is None else at
    born = _EPOCH + timedelta(days=borough.clock.day_of(when) - rng.between(6600, 31000))
    given, family = identities.name()
    habits = borough.params.recording
    number = f'"nhs_number": "{identities.nhs_number()}", ' \
        if rng.random() < habits.nhs_number_known else ""
    postcode = f', "postcode": "{identities.postcode()}"' \
        if rng.random() < habits.postcode_known else ""
    details = (f'{{{number}"given_name": "{given}", "family_name": "{family}", '
               f'"birth_date": "{born.isoformat()}"{postcode}}}')
    borough.records.register(story, provider, staff, details, at)
    return story
