"""The provider directory over HTTP: administrators register providers and change costs."""

from __future__ import annotations

from api_journeys import bearer, provider_body
from fastapi.testclient import TestClient

COSTS = {"occurred_at": "2024-06-01T00:00:00+00:00",
         "data": {"unit_cost_gbp": "40.00", "bed_day_cost_gbp": "0"}}


def test_admin_registers_a_provider(client: TestClient) -> None:
    """An administrator's ProviderRegistered body is answered 201 with the provider's code."""
    answer = client.post("/providers", json=provider_body("debt-1"), headers=bearer("admin"))
    assert answer.status_code == 201
    assert answer.json()["provider_id"] == "debt-1"


def test_a_provider_may_not_register_providers(client: TestClient) -> None:
    """Only administrators change the directory."""
    answer = client.post("/providers", json=provider_body("debt-1"), headers=bearer("provider", "hub"))
    assert answer.status_code == 403


def test_a_provider_code_is_registered_once(client: TestClient) -> None:
    """Registering a code already in the directory is a conflict."""
    answer = client.post("/providers", json=provider_body("hub"), headers=bearer("admin"))
    assert answer.status_code == 409
    assert answer.json()["detail"][0]["loc"] == ["body", "provider_id"]


def test_a_provider_registered_in_the_future_is_refused(client: TestClient) -> None:
    """A ProviderRegistered more than 5 minutes ahead is refused, naming occurred_at."""
    body = {**provider_body("debt-1"), "occurred_at": "2999-01-01T00:00:00+00:00"}
    answer = client.post("/providers", json=body, headers=bearer("admin"))
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["body", "occurred_at"]


def test_an_unknown_tier_is_refused(client: TestClient) -> None:
    """Tiers are a closed list."""
    body = provider_body("debt-1")
    body["data"]["tier"] = "galactic"
    answer = client.post("/providers", json=body, headers=bearer("admin"))
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["body", "data", "tier"]


def test_admin_changes_a_providers_costs(client: TestClient) -> None:
    """ProviderCostsChanged for a registered provider is answered 201."""
    answer = client.post("/providers/hub/costs", json=COSTS, headers=bearer("admin"))
    assert answer.status_code == 201


def test_costs_of_an_unknown_provider_are_not_found(client: TestClient) -> None:
    """A provider code in the path that is not registered is 404."""
    answer = client.post("/providers/nowhere/costs", json=COSTS, headers=bearer("admin"))
    assert answer.status_code == 404


def test_money_as_a_float_is_refused(client: TestClient) -> None:
    """Money travels as a decimal string, never a binary float."""
    body = {**COSTS, "data": {"unit_cost_gbp": 40.1, "bed_day_cost_gbp": "0"}}
    answer = client.post("/providers/hub/costs", json=body, headers=bearer("admin"))
    assert answer.status_code == 422


def test_a_key_worker_may_not_change_costs(client: TestClient) -> None:
    """Only administrators change costs."""
    answer = client.post("/providers/hub/costs", json=COSTS, headers=bearer("key_worker", "hub"))
    assert answer.status_code == 403


def test_staff_list_the_directory_by_name_with_cost_history(client: TestClient) -> None:
    """GET /providers names each provider, its tier and service, and every cost change in order."""
    client.post("/providers/hub/costs", json=COSTS, headers=bearer("admin"))
    position = client.post("/providers/hub/costs", json={**COSTS, "occurred_at": "2024-07-01T00:00:00+00:00"},
                           headers=bearer("admin")).json()["position"]
    answer = client.get(f"/providers?after={position}", headers=bearer("key_worker", "cmht"))
    hub = next(p for p in answer.json()["providers"] if p["provider_id"] == "hub")
    assert answer.status_code == 200
    assert all(hub[field] for field in ("name", "tier", "service"))
    assert [cost["from"][:10] for cost in hub["costs"]][-2:] == ["2024-06-01", "2024-07-01"]
    assert hub["unit_cost_gbp"] == hub["costs"][-1]["unit_cost_gbp"]


def test_every_staff_role_lists_the_directory_but_not_an_anonymous_caller(client: TestClient) -> None:
    """The directory holds no personal data: every staff role reads it; no token is 401."""
    for role, provider in (("provider", "hub"), ("key_worker", "cmht"), ("analyst", None),
                           ("commissioner", None), ("admin", None)):
        assert client.get("/providers", headers=bearer(role, provider)).status_code == 200, role
    assert client.get("/providers", headers=bearer("privacy_officer")).status_code == 403
    assert client.get("/providers").status_code == 401
