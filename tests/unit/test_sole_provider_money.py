"""A borough's money drawn as its only provider's is hidden whenever that provider's is, so the
borough never shows a draw the provider's row kept hidden (complementary suppression included)."""

from __future__ import annotations

from projections.figures.sole_provider import hide_with_owner
from projections.figures.statistics import Figures

FOLLOWERS = ["cost_per_person_gbp"]


def row(provider: str | None, cost: str | None) -> Figures:
    """A controlled cost row of March 2025."""
    return {"month": "2025-03", "provider_id": provider, "people": 20, "cost_gbp": cost,
            "cost_per_person_gbp": None if cost is None else "100.00",
            "suppressed_fields": [] if cost else ["cost_gbp", "cost_per_person_gbp"]}


def test_the_borough_cost_resting_on_a_hidden_provider_is_hidden() -> None:
    """The ward's cost hidden: the borough's, drawn with the ward's key, goes with it."""
    table = [row("ward", None), row(None, "2000.00")]
    hide_with_owner(table, {"2025-03": {"cost_gbp": "ward"}}, "cost_gbp", FOLLOWERS)
    assert table[1]["cost_gbp"] is None
    assert table[1]["cost_per_person_gbp"] is None
    assert table[1]["suppressed_fields"] == ["cost_gbp", "cost_per_person_gbp"]


def test_a_borough_cost_of_its_own_draw_stays_shown_beside_a_hidden_provider() -> None:
    """Not drawn as the ward's (two providers make it): complementary suppression alone decides."""
    table = [row("ward", None), row(None, "2000.00")]
    hide_with_owner(table, {"2025-03": {}}, "cost_gbp", FOLLOWERS)
    assert table[1]["cost_gbp"] == "2000.00"
