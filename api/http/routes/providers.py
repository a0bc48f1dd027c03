"""The provider directory: every staff role lists it; administrators register providers and
change their unit costs."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from api.http.auth import caller_with_role
from api.http.dependencies import IdempotencyKey, LedgerApp, ProviderCode
from api.http.figures_runner import reached
from api.http.request_bodies import CostsBody, ProviderBody
from api.http.responses import WRITE_CODES, ProviderAnswer, responses
from api.http.tokens import Caller
from api.http.unique_names import UniqueNamesRoute
from api.http.worker_thread import in_worker_thread
from ledger.event_lines import occurrence_of
from projections.figures.directory_listing import directory_listing
from projections.figures.fact_reader import LiveFacts

router = APIRouter(route_class=UniqueNamesRoute, tags=["providers"])
Admin = Annotated[Caller, Depends(caller_with_role("admin"))]
Staff = Annotated[Caller, Depends(caller_with_role(
    "provider", "key_worker", "analyst", "commissioner", "admin"))]
After = Annotated[int | None, Query(ge=0, description="Wait for a write's receipt position")]


@router.get("/providers", responses=responses(401, 403, 422, 503))
@in_worker_thread
def list_providers(request: Request, caller: Staff, after: After = None) -> dict[str, Any]:
    """Every provider by name, with tier, service and unit costs over time (every staff role)."""
    reached(request.app.state.figures, after)
    return {"providers": directory_listing(LiveFacts(request.app.state.figures.view))}


@router.post("/providers", status_code=201, response_model=ProviderAnswer,
             responses=responses(*WRITE_CODES))
@in_worker_thread
def register_provider(
    body: ProviderBody, caller: Admin, ledger: LedgerApp, idempotency_key: IdempotencyKey = None
) -> ProviderAnswer:
    """Register a provider in the directory (administrators); safe to repeat with a key."""
    occurrence = occurrence_of("ProviderRegistered", body.occurred_at, body.provider_id,
                               caller.staff_id, body.data.model_dump(mode="json"))
    receipt = ledger.register_provider(occurrence, idempotency_key)
    return ProviderAnswer(provider_id=body.provider_id, position=receipt.position)


@router.post("/providers/{provider_id}/costs", status_code=201, response_model=ProviderAnswer,
             responses=responses(*WRITE_CODES))
@in_worker_thread
def change_provider_costs(
    provider_id: ProviderCode, body: CostsBody, caller: Admin, ledger: LedgerApp,
    idempotency_key: IdempotencyKey = None,
) -> ProviderAnswer:
    """Change a provider's unit costs from ``occurred_at`` on (administrators); safe to repeat
    with a key."""
    occurrence = occurrence_of("ProviderCostsChanged", body.occurred_at, provider_id,
                               caller.staff_id, body.data.model_dump(mode="json"))
    receipt = ledger.change_provider_costs(occurrence, idempotency_key)
    return ProviderAnswer(provider_id=provider_id, position=receipt.position)
