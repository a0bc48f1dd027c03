"""The FastAPI application, built by a factory at start-up (never at import)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio.to_thread
from fastapi import FastAPI

from api.composition import open_deployment
from api.deployment.database import one_start_at_a_time
from api.fhir.routes import router as fhir_router
from api.http import errors as problems
from api.http.deadline import Deadline
from api.http.figures_runner import start_figures, stop_figures
from api.http.middleware import BodyLimit, RequestContext
from api.http.routes.audit import router as audit_router
from api.http.routes.break_glass import router as break_glass_router
from api.http.routes.claims import router as claims_router
from api.http.routes.erasure import router as identity_router
from api.http.routes.figures import router as figures_router
from api.http.routes.health import router as health_router
from api.http.routes.intake import router as intake_router
from api.http.routes.people import router as people_router
from api.http.routes.providers import router as providers_router
from api.http.routes.refused_reads import router as refused_reads_router
from api.http.routes.revocations import router as revocations_router
from api.http.routes.search import router as search_router
from api.http.routes.self_referrals import router as self_referrals_router
from api.http.routes.story import router as story_router
from api.http.routes.summary import router as summary_router
from api.http.routes.worklists import router as worklists_router
from api.settings import Settings
from api.web.pages import router as web_router
from commands import Ledger
from commands.access_log import AccessLog
from commands.audit_log import AuditLog
from commands.intake import Intake


def worker_threads(settings: Settings) -> int:
    """As many request threads as the ledger's pool has connections, so load queues, not fails."""
    return settings.pool_size + settings.pool_overflow


def create_app(settings: Settings, projections: bool = True) -> FastAPI:
    """The ledger's HTTP API over the deployment the settings name; it does not start (its
    lifespan fails with ``RefusedToStart``) when the keys differ from the database's."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        deployment = open_deployment(settings)
        env = deployment.env
        anyio.to_thread.current_default_thread_limiter().total_tokens = worker_threads(settings)
        app.state.settings = deployment.settings
        app.state.signing_key = deployment.signing_key
        assert deployment.settings.database_url is not None, "an opened deployment names its server"
        with one_start_at_a_time(deployment.settings.database_url, settings.schema_name):
            app.state.ledger = Ledger(env=env)
            app.state.ledger.erasure_watch.start()  # from the start: lists open names with keys
            app.state.access_log = AccessLog(env=env)
            app.state.access_log.share_keys(app.state.ledger.person_keys)
            app.state.audit_log = AuditLog(env=env)
            app.state.intake = Intake(env=env)
            start_figures(app.state, env, follow=projections, wait_seconds=settings.read_wait_seconds)
        try:
            yield
        finally:
            stop_figures(app.state)
            app.state.intake.close()
            app.state.audit_log.close()
            app.state.access_log.close()
            app.state.ledger.close()

    # No /docs or /redoc: FastAPI serves their scripts from a content delivery network, which a
    # closed clinical network cannot reach (and the page's CSP would refuse). /openapi.json stays.
    app = FastAPI(title="Care-journey ledger", version="0.1.0", lifespan=lifespan,
                  docs_url=None, redoc_url=None)
    for router in (health_router, providers_router, claims_router, people_router, identity_router,
                   story_router, fhir_router, figures_router, audit_router, break_glass_router,
                   revocations_router, self_referrals_router, intake_router, summary_router,
                   worklists_router, search_router, refused_reads_router):
        app.include_router(router)
    app.include_router(web_router)  # the web page: public HTML, data only from the routes above
    problems.install(app)
    app.add_middleware(BodyLimit)
    app.add_middleware(Deadline, seconds=settings.request_deadline)
    app.add_middleware(RequestContext)
    return app
