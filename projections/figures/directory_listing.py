"""The provider directory as staff read it: each provider's name, tier, service and cost history.

Read from the ``providers`` facts (every ``ProviderRegistered`` and ``ProviderCostsChanged``), so
a listing costs the directory's size, never the length of people's stories. Costs are listed in
the order they came into force; the current ones are the last.
"""

from __future__ import annotations

from typing import Any

from projections.figures.fact_reader import LiveFacts

DIRECTORY = """
SELECT p.occurred_at, p.unit_cost_gbp, p.bed_day_cost_gbp,
  first_value(p.provider_id) OVER w AS provider_id, first_value(p.name) OVER w AS name,
  first_value(p.tier) OVER w AS tier, first_value(p.service) OVER w AS service
FROM ({providers}) p
WINDOW w AS (PARTITION BY p.stream_id ORDER BY p.version)
ORDER BY p.stream_id, p.occurred_at, p.version
"""


def directory_listing(facts: LiveFacts) -> list[dict[str, Any]]:
    """Every provider, by name, with its unit costs over time (oldest first)."""
    providers: dict[str, dict[str, Any]] = {}
    for row in facts.query(DIRECTORY, providers=facts.recorded("providers")):
        provider = providers.setdefault(row["provider_id"], {
            "provider_id": row["provider_id"], "name": row["name"], "tier": row["tier"],
            "service": row["service"], "costs": [],
        })
        provider["costs"].append({
            "from": row["occurred_at"].isoformat(),
            "unit_cost_gbp": str(row["unit_cost_gbp"]),
            "bed_day_cost_gbp": str(row["bed_day_cost_gbp"]),
        })
    for provider in providers.values():
        current = provider["costs"][-1]
        provider["unit_cost_gbp"] = current["unit_cost_gbp"]
        provider["bed_day_cost_gbp"] = current["bed_day_cost_gbp"]
    return sorted(providers.values(), key=lambda provider: (provider["name"], provider["provider_id"]))
