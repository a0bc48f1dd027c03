"""Figures: outcome figures for commissioners and analysts, projection metrics for operators.

The lists staff work from (caseloads, waiting lists) are in ``api.http.routes.worklists``."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import PlainTextResponse
from pydantic import AfterValidator

from api.http.auth import FORBIDDEN, UNAUTHORISED, caller_with_role
from api.http.dependencies import AuditLogApp, ProviderQuery
from api.http.figures_runner import reached
from api.http.tokens import Caller
from api.http.unique_names import UniqueNamesRoute
from api.http.worker_thread import in_worker_thread
from ledger.values import Instant
from projections.figures.cell_key import disclosure_secret
from projections.figures.outcomes import METRICS, Question, known_metric, outcomes
from projections.month_range import MONTH_PATTERN, MonthRangeRefused, month_range, optional_range

RESPONSES: dict[int | str, dict[str, Any]] = {
    401: UNAUTHORISED[401], 403: FORBIDDEN[403], 503: {"description": "Figures not yet caught up"}}
router = APIRouter(route_class=UniqueNamesRoute, tags=["figures"], responses=RESPONSES)
Operator = Annotated[Caller, Depends(caller_with_role("admin", "analyst"))]
Readers = Annotated[Caller, Depends(caller_with_role("commissioner", "analyst"))]
After = Annotated[int | None, Query(ge=0, description="Wait for a write's receipt position")]
MetricName = Annotated[str, AfterValidator(known_metric), Path(json_schema_extra={"enum": list(METRICS)})]
MonthText = Annotated[str, Query(pattern=MONTH_PATTERN, description="YYYY-MM")]


@router.get("/outcomes/{metric}")
@in_worker_thread
def outcome_figures(
    request: Request, metric: MetricName, caller: Readers, audit_log: AuditLogApp,
    start: Annotated[MonthText, Query(alias="from")], end: Annotated[MonthText, Query(alias="to")],
    provider: ProviderQuery = None, baseline_from: MonthText | None = None,
    baseline_to: MonthText | None = None, after: After = None,
    as_of: Annotated[Instant | None, Query(description="The figures as known then")] = None,
) -> dict[str, Any]:
    """Outcome figures by month: exact for analysts, disclosure-controlled for commissioners."""
    try:
        first, last = month_range(start, end)
        baseline = optional_range(baseline_from, baseline_to, ("baseline_from", "baseline_to"))
    except MonthRangeRefused as refusal:
        raise RequestValidationError([{"type": "value_error", "loc": ("query", refusal.field),
                                       "msg": str(refusal)}]) from None
    reached(request.app.state.figures, after)
    question = Question(metric, first, last, provider, baseline, as_of)
    if as_of is not None:
        asked = {"metric": metric, "from": start, "to": end, "provider": provider,
                 "as_of": as_of.isoformat()}
        audit_log.record(caller.staff_id, caller.role, "as_of_outcomes", asked)
    settings = request.app.state.settings
    return outcomes(request.app.state.figures.view, question, is_exact=caller.role == "analyst",
                    threshold=settings.disclosure_threshold,
                    secret=disclosure_secret(settings.identity_key.get_secret_value()))


@router.get("/metrics", response_class=PlainTextResponse, tags=["health"])
@in_worker_thread
def metrics(request: Request, caller: Operator) -> str:
    """Projection positions and lag in Prometheus text format (admins and analysts only)."""
    lines = ["# HELP ledger_projection_position Last log position the figures include.",
             "# TYPE ledger_projection_position gauge",
             "# HELP ledger_projection_lag Log entries not yet in the figures (an upper bound).",
             "# TYPE ledger_projection_lag gauge"]
    for source, report in request.app.state.figures.lag().items():
        labels = f'{{projection="figures",source="{source}"}}'
        lines.append(f"ledger_projection_position{labels} {report['position']}")
        lines.append(f"ledger_projection_lag{labels} {report['lag']}")
    return "\n".join(lines) + "\n"
