"""The provider directory: administrators register providers and change their unit costs."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from api.http.auth import caller_with_role
from api.http.dependencies import LedgerApp, ProviderCode
from api.http.request_bodies import CostsBody, ProviderBody
from api.http.responses import WRITE_CODES, ProviderAnswer, responses
from api.http.tokens import Caller
from ledger.event_lines import occurrence_of

router = APIRouter(tags=["providers"])
Admin = Annotated[Caller, Depends(caller_with_role("admin"))]


@router.post("/providers", status_code=201, response_model=ProviderAnswer,
             responses=responses(*WRITE_CODES))
def register_provider(body: ProviderBody, caller: Admin, ledger: LedgerApp) -> ProviderAnswer:
    """Register a provider in the directory (administrators)."""
    occurrence = occurrence_of("ProviderRegistered", body.occurred_at, body.provider_id,
                               caller.staff_id, body.data.model_dump(mode="json"))
    position = ledger.register_provider(occurrence)
    return ProviderAnswer(provider_id=body.provider_id, position=position)


@router.post("/providers/{provider_id}/costs", status_code=201, response_model=ProviderAnswer,
             responses=responses(*WRITE_CODES))
def change_provider_costs(
    provider_id: ProviderCode, body: CostsBody, caller: Admin, ledger: LedgerApp
) -> ProviderAnswer:
    """Change a provider's unit costs from ``occurred_at`` on (administrators)."""
    occurrence = occurrence_of("ProviderCostsChanged", body.occurred_at, provider_id,
                               caller.staff_id, body.data.model_dump(mode="json"))
    position = ledger.change_provider_costs(occurrence)
    return ProviderAnswer(provider_id=provider_id, position=position)
