"""Figures: caseloads and waiting lists for provider staff, outcome figures for commissioners."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import PlainTextResponse
from pydantic import AfterValidator, AwareDatetime

from api.http.auth import FORBIDDEN, UNAUTHORISED, caller_with_role
from api.http.dependencies import AuditLogApp, ProviderCode, ProviderQuery, StaffCode
from api.http.figures_runner import london_today, reached
from api.http.tokens import Caller
from projections.calendar import london_date
from projections.figures.caseload import key_worker_caseload, people_on
from projections.figures.fact_reader import LiveFacts
from projections.figures.outcomes import METRICS, Question, known_metric, outcomes
from projections.figures.waiting_list import waiting_list
from projections.month_range import MONTH_PATTERN, MonthRangeRefused, month_range, optional_range

RESPONSES: dict[int | str, dict[str, Any]] = {
    401: UNAUTHORISED[401], 403: FORBIDDEN[403], 503: {"description": "Figures not yet caught up"}}
router = APIRouter(tags=["figures"], responses=RESPONSES)
Operator = Annotated[Caller, Depends(caller_with_role("admin", "analyst"))]
Staff = Annotated[Caller, Depends(caller_with_role("provider", "key_worker", "analyst"))]
Readers = Annotated[Caller, Depends(caller_with_role("commissioner", "analyst"))]
After = Annotated[int | None, Query(ge=0, description="Wait for a write's receipt position")]
MetricName = Annotated[str, AfterValidator(known_metric), Path(json_schema_extra={"enum": list(METRICS)})]
MonthText = Annotated[str, Query(pattern=MONTH_PATTERN, description="YYYY-MM")]


def _own_provider(caller: Caller, provider_id: str) -> None:
    if caller.role != "analyst" and caller.provider_id != provider_id:
        raise HTTPException(403, "Authorization: staff see only their own provider's figures")


@router.get("/providers/{provider_id}/caseload")
def provider_caseload(request: Request, provider_id: ProviderCode, caller: Staff, after: After = None,
                      on: date | None = None) -> dict[str, Any]:
    """People on a provider's caseload on a date (today when not given)."""
    _own_provider(caller, provider_id)
    reached(request.app.state.figures, after)
    day = on or london_date(london_today())
    people = people_on(LiveFacts(request.app.state.figures.view), provider_id, day)
    return {"provider_id": provider_id, "on": day.isoformat(), "people": [str(p) for p in people],
            "count": len(people)}


@router.get("/providers/{provider_id}/waiting-list")
def provider_waiting_list(request: Request, provider_id: ProviderCode, caller: Staff,
                          after: After = None) -> dict[str, Any]:
    """A provider's open, unseen referrals, oldest first, with days waited so far."""
    _own_provider(caller, provider_id)
    reached(request.app.state.figures, after)
    today = london_date(london_today())
    waits = waiting_list(LiveFacts(request.app.state.figures.view), provider_id, today)
    return {"provider_id": provider_id, "on": today.isoformat(), "waiting": waits, "count": len(waits)}


@router.get("/key-workers/{staff_id}/caseload")
def key_worker_people(
    request: Request, staff_id: StaffCode, caller: Staff, after: After = None,
    provider: ProviderQuery = None,
) -> dict[str, Any]:
    """People whose current key worker is this staff member *at its provider* (the worker
    themselves, or an analyst naming the provider)."""
    employer = provider if caller.role == "analyst" else caller.provider_id
    if caller.role != "analyst" and (caller.staff_id != staff_id or provider not in (None, employer)):
        raise HTTPException(403, "Authorization: key workers see only their own caseload")
    if employer is None:
        raise HTTPException(422, [{"loc": ["query", "provider"], "type": "missing",
                                   "msg": "provider: name the key worker's provider"}])
    reached(request.app.state.figures, after)
    people = key_worker_caseload(LiveFacts(request.app.state.figures.view), employer, staff_id)
    return {"provider_id": employer, "staff_id": staff_id, "people": [str(p) for p in people],
            "count": len(people)}


@router.get("/outcomes/{metric}")
def outcome_figures(
    request: Request, metric: MetricName, caller: Readers, audit_log: AuditLogApp,
    start: Annotated[MonthText, Query(alias="from")], end: Annotated[MonthText, Query(alias="to")],
    provider: ProviderQuery = None, baseline_from: MonthText | None = None,
    baseline_to: MonthText | None = None, after: After = None,
    as_of: Annotated[AwareDatetime | None, Query(description="The figures as known then")] = None,
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
    return outcomes(request.app.state.figures.view, question, is_exact=caller.role == "analyst",
                    threshold=request.app.state.settings.disclosure_threshold)


@router.get("/metrics", response_class=PlainTextResponse, tags=["health"])
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
