"""Directory writes over HTTP honour ``Idempotency-Key`` as a person's writes do."""

from __future__ import annotations

from api_journeys import bearer, provider_body
from fastapi.testclient import TestClient

COSTS = {"occurred_at": "2024-06-01T00:00:00+00:00",
         "data": {"unit_cost_gbp": "40.00", "bed_day_cost_gbp": "0"}}


def keyed(key: str) -> dict[str, str]:
    return {**bearer("admin"), "Idempotency-Key": key}


def test_a_registration_repeated_with_its_key_gets_the_first_answer(client: TestClient) -> None:
    """The repeat is answered 201, not 409, and appends nothing (the log's head is unmoved)."""
    first = client.post("/providers", json=provider_body("debt-1"), headers=keyed("r-1"))
    again = client.post("/providers", json=provider_body("debt-1"), headers=keyed("r-1"))
    assert (again.status_code, again.json()) == (201, first.json())


def test_a_cost_change_repeated_with_its_key_appends_nothing(client: TestClient) -> None:
    """The second request answers the first's position: no second change was appended."""
    first = client.post("/providers/hub/costs", json=COSTS, headers=keyed("c-1"))
    again = client.post("/providers/hub/costs", json=COSTS, headers=keyed("c-1"))
    assert (again.status_code, again.json()) == (201, first.json())


def test_a_key_reused_for_other_costs_is_a_conflict(client: TestClient) -> None:
    """The same key with a different body is refused 409."""
    client.post("/providers/hub/costs", json=COSTS, headers=keyed("c-1"))
    other = {**COSTS, "data": {"unit_cost_gbp": "41.00", "bed_day_cost_gbp": "0"}}
    answer = client.post("/providers/hub/costs", json=other, headers=keyed("c-1"))
    assert answer.status_code == 409
