"""The import format's shape, field names and closed enumerations, as domain.md lists them."""

from __future__ import annotations

from typing import Any

NEEDS = {"mental_health", "physical_health", "housing", "debt", "benefits", "employment",
         "isolation", "substance_use", "caring"}
ENUMS: dict[str, set[str]] = {
    "scope": {"share_with_network", "research"},
    "channel": {"face_to_face", "telephone", "video", "talk_type", "email", "sms", "web_chat"},
    "attendance": {"attended", "did_not_attend", "cancelled_by_person", "cancelled_by_provider",
                   "late_not_seen"},
    "purpose": {"drop_in", "assessment", "intervention", "review", "crisis"},
    "risk": {"low", "medium", "high"},
    "priority": {"routine", "urgent", "very_urgent", "emergency"},
    "source": {"self", "gp", "hub", "network", "secondary", "police", "housing", "family", "other"},
    "ward_type": {"acute", "rehab", "psychiatric_intensive_care", "crisis_house"},
    "destination": {"own_home", "supported_housing", "family", "care_home", "another_ward",
                    "other"},
    "tier": {"primary", "community", "secondary", "inpatient"},
    "service": {"hub", "gp", "housing", "debt", "employment", "benefits", "peer_support", "cmht",
                "home_treatment", "psychosis", "rehab_ward", "acute_ward", "supported_housing",
                "other"},
}
CLOSURE_REASONS = {"treatment_complete", "moved_away", "declined_by_person", "no_contact",
                   "transferred"}
FIELDS: dict[str, tuple[set[str], set[str]]] = {  # type: (required, optional)
    "ProviderRegistered": ({"name", "tier", "service", "unit_cost_gbp", "bed_day_cost_gbp"}, set()),
    "ProviderCostsChanged": ({"unit_cost_gbp", "bed_day_cost_gbp"}, set()),
    "PersonRegistered": ({"given_name", "family_name", "birth_date"}, {"nhs_number", "postcode"}),
    "DetailsUpdated": (set(), {"nhs_number", "given_name", "family_name", "birth_date",
                               "postcode"}),
    "ConsentRecorded": ({"scope", "given"}, set()),
    "ContactRecorded": ({"contact_id", "channel", "attendance", "purpose", "duration_minutes"},
                        {"referral_id", "summary"}),
    "AssessmentRecorded": ({"assessment_id", "needs", "strengths", "risk"}, {"summary"}),
    "ReferralMade": ({"referral_id", "to_provider_id", "priority", "source", "needs"}, {"reason"}),
    "ReferralAccepted": ({"referral_id"}, set()),
    "ReferralDeclined": ({"referral_id", "reason"}, {"signposted_to_provider_id"}),
    "ReferralClosed": ({"referral_id", "reason"}, set()),
    "KeyWorkerAssigned": ({"key_worker_staff_id"}, set()),
    "KeyWorkerEnded": ({"key_worker_staff_id"}, set()),
    "PlanAgreed": ({"plan_id", "goals", "strengths"}, set()),
    "PlanReviewed": ({"plan_id", "progress"}, set()),
    "AdmittedToWard": ({"stay_id", "ward_type", "out_of_area"}, set()),
    "DischargedFromWard": ({"stay_id", "destination"}, {"support_provider_id"}),
    "EventRetracted": ({"version", "reason"}, set()),
}
Event = dict[str, Any]


def valid_nhs_number(number: str) -> bool:
    """Ten digits whose last is the modulus-11 check digit of the first nine."""
    if len(number) != 10 or not number.isdigit():
        return False
    check = 11 - sum(int(d) * w for d, w in zip(number, range(10, 1, -1), strict=False)) % 11
    return check != 10 and check % 11 == int(number[9])


def check_shape(event: Event) -> list[str]:
    """The top-level keys of a line."""
    keys = set(event) - {"staff_id", "idempotency_key"}
    person = event.get("type") not in ("ProviderRegistered", "ProviderCostsChanged")
    wanted = {"type", "provider_id", "occurred_at", "data"} | ({"person_id"} if person else set())
    problems = [] if keys == wanted else [f"keys {sorted(keys)}"]
    if person and not event.get("staff_id"):
        problems.append("no staff_id")
    return problems


def check_data(event: Event) -> list[str]:
    """The data fields of a line: exactly the catalogue's names, enumerations closed."""
    kind, data = event["type"], event["data"]
    if kind not in FIELDS:
        return [f"unknown type {kind}"]
    required, optional = FIELDS[kind]
    problems = [] if required <= set(data) <= required | optional else [f"fields {sorted(data)}"]
    problems += [f"{key} = {data[key]}" for key in ENUMS if key in data
                 and data[key] not in ENUMS[key]]
    problems += [f"needs {data['needs']}" for key in ("needs",) if key in data
                 and not set(data[key]) <= NEEDS]
    if kind == "ReferralClosed" and data["reason"] not in CLOSURE_REASONS:
        problems.append(f"closure reason {data['reason']}")
    if kind == "ContactRecorded" and not 0 <= data["duration_minutes"] <= 1440:
        problems.append("duration out of range")
    return problems
