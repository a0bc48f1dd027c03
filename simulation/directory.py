"""The provider directory's lines: every provider registered first, unit costs rising each April."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from simulation.borough import Borough, Journey
from simulation.clock import day_number
from simulation.parameters import ProviderSpec

PENCE = Decimal("0.01")


def _costs(unit: Decimal, bed_day: Decimal) -> str:
    return f'"unit_cost_gbp": "{unit}", "bed_day_cost_gbp": "{bed_day}"'


def registrations(borough: Borough, at: int) -> Iterator[str]:
    """A ProviderRegistered line for every provider in the directory."""
    when = borough.clock.iso(at)
    for spec in borough.params.providers:
        yield (f'{{"type": "ProviderRegistered", "provider_id": "{spec.provider_id}", '
               f'"staff_id": "admin", "occurred_at": "{when}", "data": {{"name": "{spec.name}", '
               f'"tier": "{spec.tier}", "service": "{spec.service}", '
               f'{_costs(spec.unit_cost_gbp, spec.bed_day_cost_gbp)}}}}}')


def _raised(amount: Decimal, uplift: Decimal, years: int) -> Decimal:
    """A cost after some years of uplifts, to the penny."""
    for _ in range(years):
        amount = (amount * (1 + uplift)).quantize(PENCE)
    return amount


def _changed(spec: ProviderSpec, when: str, uplift: Decimal, years: int) -> str:
    unit = _raised(spec.unit_cost_gbp, uplift, years)
    bed_day = _raised(spec.bed_day_cost_gbp, uplift, years)
    return (f'{{"type": "ProviderCostsChanged", "provider_id": "{spec.provider_id}", '
            f'"staff_id": "admin", "occurred_at": "{when}", "data": {{{_costs(unit, bed_day)}}}}}')


def cost_uplifts(borough: Borough, year: int, month: int) -> Journey:
    """Each 1 April after the start, every provider's costs rise by the year's uplift."""
    uplift = borough.params.recording.cost_uplift
    if uplift == 0:
        return
    first = year + (month >= 4)
    for years, april in enumerate(range(first, first + 1000), start=1):
        at = borough.clock.at(day_number(april, 4), 0)
        if at >= borough.end:
            return
        yield at
        when = borough.clock.iso(at)
        for spec in borough.params.providers:
            borough.recorder.write(at, None, _changed(spec, when, uplift, years))

