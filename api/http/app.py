"""The FastAPI application, built by a factory at start-up (never at import)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio.to_thread
from fastapi import FastAPI

from api.fhir.routes import router as fhir_router
from api.http import errors as problems
from api.http.deadline import DEFAULT_SECONDS, Deadline
from api.http.figures_runner import start_figures, stop_figures
from api.http.middleware import BodyLimit, RequestContext
from api.http.routes.audit import router as audit_router
from api.http.routes.erasure import router as identity_router
from api.http.routes.figures import router as figures_router
from api.http.routes.health import router as health_router
from api.http.routes.people import router as people_router
from api.http.routes.providers import router as providers_router
from api.http.routes.story import router as story_router
from api.web.pages import router as web_router
from commands import Ledger
from commands.access_log import AccessLog
from commands.audit_log import AuditLog


def worker_threads(env: dict[str, str]) -> int:
    """As many request threads as the ledger's pool has connections, so load queues, not fails."""
    return int(env.get("POSTGRES_POOL_SIZE", "5")) + int(env.get("POSTGRES_MAX_OVERFLOW", "10"))


def create_app(env: dict[str, str], signing_key: str, projections: bool = True) -> FastAPI:
    """The ledger's HTTP API over the store that ``env`` names."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = worker_threads(env)
        app.state.ledger = Ledger(env=env)
        app.state.access_log = AccessLog(env=env)
        app.state.audit_log = AuditLog(env=env)
        app.state.signing_key = signing_key
        start_figures(app.state, env, follow=projections)
        try:
            yield
        finally:
            stop_figures(app.state)
            app.state.audit_log.close()
            app.state.access_log.close()
            app.state.ledger.close()

    app = FastAPI(title="Care-journey ledger", version="0.1.0", lifespan=lifespan)
    for router in (health_router, providers_router, people_router, identity_router, story_router,
                   fhir_router, figures_router, audit_router):
        app.include_router(router)
    app.include_router(web_router)  # the web page: public HTML, data only from the routes above
    problems.install(app)
    app.add_middleware(BodyLimit)
    app.add_middleware(Deadline, seconds=float(env.get("LEDGER_REQUEST_DEADLINE", DEFAULT_SECONDS)))
    app.add_middleware(RequestContext)
    return app
