"""The FastAPI application, built by a factory at start-up (never at import)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI

from api.figures_state import start_figures, stop_figures
from api.routes_figures import router as figures_router
from api.routes_health import router as health_router
from commands import Ledger


def create_app(env: dict[str, str], signing_key: str, projections: bool = True) -> FastAPI:
    """The ledger's HTTP API over the store that ``env`` names."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.ledger = Ledger(env=env)
        app.state.signing_key = signing_key
        start_figures(app.state, env, follow=projections)
        try:
            yield
        finally:
            stop_figures(app.state)
            app.state.ledger.close()

    app = FastAPI(title="Care-journey ledger", version="0.1.0", lifespan=lifespan)
    app.include_router(health_router)
    app.include_router(figures_router)
    return app


def app_state(app: FastAPI) -> Any:
    """The objects built at start-up."""
    return app.state
