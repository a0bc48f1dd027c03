"""Health: open to anyone, answers once the store answers."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request

router = APIRouter(tags=["health"])


@router.get("/health", responses={503: {"description": "The store does not answer"}})
def health(request: Request) -> dict[str, Any]:
    """Whether the ledger and its store are up."""
    try:
        request.app.state.ledger.recorder.max_notification_id()
        figures = getattr(request.app.state, "figures", None)
        projections = {} if figures is None else {"figures": {**figures.lag(), "error": figures.last_error}}
    except Exception as error:
        raise HTTPException(status_code=503, detail="the store does not answer") from error
    return {"status": "ok", "projections": projections}
