"""One FHIR R4B resource (as a plain dict) per story event, as ../reference/fhir-mapping.md maps them.

Retracted events export with status ``entered-in-error``, FHIR's own compensating status.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID, uuid5

from ledger.facts import Entry
from ledger.vocabulary import ATTENDED

ACT_CODES = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
CLASS_OF_CHANNEL = {"face_to_face": "AMB", "telephone": "VR", "video": "VR", "talk_type": "AMB",
                    "email": "VR", "sms": "VR", "web_chat": "VR", "web": "VR"}
PRIORITY = {"routine": "routine", "urgent": "urgent", "very_urgent": "asap", "emergency": "stat"}
TASK_STATUS = {"ReferralAccepted": "accepted", "ReferralDeclined": "rejected",
               "ReferralClosed": "completed"}
Resource = dict[str, Any]


def url(person_id: UUID, kind: str, key: object) -> str:
    """A stable ``urn:uuid`` for a resource of the story, so references agree across exports."""
    return f"urn:uuid:{uuid5(person_id, f'{kind}/{key}')}"


def organisation(provider_id: str) -> dict[str, Any]:
    return {"identifier": {"system": "urn:ledger:provider", "value": provider_id}}


def _referral(person: str, entry: Entry, pid: UUID) -> Resource:
    data = entry.data
    return {"resourceType": "ServiceRequest", "status": "active", "intent": "order",
            "identifier": [{"system": "urn:ledger:referral", "value": data["referral_id"]}],
            "priority": PRIORITY[data["priority"]], "subject": {"reference": person},
            "authoredOn": entry.occurred_at.isoformat(), "requester": organisation(entry.provider_id),
            "performer": [organisation(data["to_provider_id"])],
            "reasonCode": [{"text": need} for need in data["needs"]]}


def _decision(person: str, entry: Entry, pid: UUID) -> Resource:
    return {"resourceType": "Task", "status": TASK_STATUS[entry.type], "intent": "order",
            "focus": {"reference": url(pid, "referral", entry.data["referral_id"])},
            "for": {"reference": person}, "authoredOn": entry.occurred_at.isoformat(),
            "owner": organisation(entry.provider_id),
            "statusReason": {"text": entry.data.get("reason") or entry.type}}


def _contact(person: str, entry: Entry, pid: UUID) -> Resource:
    data = entry.data
    resource: Resource = {
        "resourceType": "Encounter",
        "status": "finished" if data["attendance"] == ATTENDED else "cancelled",
        "class": {"system": ACT_CODES, "code": CLASS_OF_CHANNEL[data["channel"]]},
        "type": [{"text": f"{data['purpose']} ({data['channel']}, {data['attendance']})"}],
        "subject": {"reference": person}, "period": {"start": entry.occurred_at.isoformat()},
        "length": {"value": data["duration_minutes"], "unit": "min"},
        "serviceProvider": organisation(entry.provider_id)}
    if "referral_id" in data:
        resource["basedOn"] = [{"reference": url(pid, "referral", data["referral_id"])}]
    return resource


def _stay(person: str, entry: Entry, pid: UUID) -> Resource:
    admitted = entry.type == "AdmittedToWard"
    resource: Resource = {
        "resourceType": "Encounter", "status": "in-progress" if admitted else "finished",
        "class": {"system": ACT_CODES, "code": "IMP"}, "subject": {"reference": person},
        "type": [{"text": entry.data.get("ward_type", "ward stay")}],
        "period": {"start" if admitted else "end": entry.occurred_at.isoformat()},
        "serviceProvider": organisation(entry.provider_id)}
    if not admitted:
        resource["hospitalization"] = {"dischargeDisposition": {"text": entry.data["destination"]}}
    return resource


def _assessment(person: str, entry: Entry, pid: UUID) -> Resource:
    return {"resourceType": "Procedure", "status": "completed", "subject": {"reference": person},
            "code": {"text": f"assessment ({entry.data['risk']} risk)"},
            "performedDateTime": entry.occurred_at.isoformat(),
            "reasonCode": [{"text": need} for need in entry.data["needs"]]}


def _plan(person: str, entry: Entry, pid: UUID) -> Resource:
    goals = entry.data.get("goals") or entry.data.get("progress") or []
    return {"resourceType": "CarePlan", "status": "active", "intent": "plan",
            "subject": {"reference": person}, "created": entry.occurred_at.isoformat(),
            "title": f"{entry.type}: {entry.data['plan_id']}",
            "note": [{"text": f"{g['goal_id']}: {g.get('status') or g.get('description') or ''}"}
                     for g in goals]}


def _consent(person: str, entry: Entry, pid: UUID) -> Resource:
    scope = "research" if entry.data["scope"] == "research" else "patient-privacy"
    return {"resourceType": "Consent", "status": "active" if entry.data["given"] else "rejected",
            "scope": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/consentscope",
                                  "code": scope}]},
            "category": [{"text": entry.data["scope"]}], "patient": {"reference": person},
            "dateTime": entry.occurred_at.isoformat()}


def _key_worker(person: str, entry: Entry, pid: UUID) -> Resource:
    period = "start" if entry.type == "KeyWorkerAssigned" else "end"
    return {"resourceType": "CareTeam", "status": "active" if period == "start" else "inactive",
            "subject": {"reference": person}, "name": "key worker",
            "participant": [{"role": [{"text": "key worker"}],
                             "member": {"identifier": {"system": "urn:ledger:staff",
                                                       "value": entry.data["key_worker_staff_id"]}},
                             "period": {period: entry.occurred_at.isoformat()}}]}


BUILDERS: dict[str, Callable[[str, Entry, UUID], Resource]] = {
    "ReferralMade": _referral, "ReferralAccepted": _decision, "ReferralDeclined": _decision,
    "ReferralClosed": _decision, "ContactRecorded": _contact, "AdmittedToWard": _stay,
    "DischargedFromWard": _stay, "AssessmentRecorded": _assessment, "PlanAgreed": _plan,
    "PlanReviewed": _plan, "ConsentRecorded": _consent, "KeyWorkerAssigned": _key_worker,
    "KeyWorkerEnded": _key_worker,
}
