"""A person's story as a FHIR R4B ``Bundle``: the Patient, a resource per event, and a Provenance
per event saying who told that part of the story and when the ledger recorded it."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fhir.resources.R4B.bundle import Bundle

from api.fhir.own_words import PERSON_BUILDERS
from api.fhir.resources import BUILDERS, Resource, organisation, url
from ledger.facts import Entry
from ledger.story import PersonStory

NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number"


def patient(story: PersonStory) -> Resource:
    """The Patient, from the registration and every later correction of the details."""
    details: dict[str, Any] = {}
    for entry in story.entries:
        if entry.type in ("PersonRegistered", "DetailsUpdated") and entry.version not in story.retracted:
            details.update((k, v) for k, v in entry.data.items() if v is not None)  # not erased
    resource: Resource = {
        "resourceType": "Patient",
        "identifier": [{"system": "urn:ledger:person", "value": str(story.id)}]}
    if "family_name" in details and "given_name" in details:
        resource["name"] = [{"family": details["family_name"], "given": [details["given_name"]]}]
    if "birth_date" in details:
        resource["birthDate"] = details["birth_date"]
    if "nhs_number" in details:
        resource["identifier"].insert(0, {"system": NHS_NUMBER, "value": details["nhs_number"]})
    if "postcode" in details:
        resource["address"] = [{"postalCode": details["postcode"]}]
    telecom = [{"system": system, "value": details[system]} for system in ("phone", "email")
               if system in details]
    if telecom:
        resource["telecom"] = telecom
    return resource


def provenance(target: str, entry: Entry) -> Resource:
    """Who recorded the event (staff on behalf of provider), when it happened, when it was kept."""
    return {"resourceType": "Provenance", "target": [{"reference": target}],
            "occurredDateTime": entry.occurred_at.isoformat(),
            "recorded": entry.recorded_at.isoformat(),
            "activity": {"text": f"{entry.type} (version {entry.version})"},
            "agent": [{"who": {"identifier": {"system": "urn:ledger:staff", "value": entry.staff_id}},
                       "onBehalfOf": organisation(entry.provider_id)}]}


def story_bundle(story: PersonStory) -> dict[str, Any]:
    """The whole story as a validated FHIR R4B collection Bundle, in JSON natives."""
    pid: UUID = story.id
    person = url(pid, "patient", pid)
    entries: list[dict[str, Any]] = [{"fullUrl": person, "resource": patient(story)}]
    for entry in story.entries:
        build = BUILDERS.get(entry.type) or PERSON_BUILDERS.get(entry.type)
        if build is None:
            continue
        resource = build(person, entry, pid)
        if entry.version in story.retracted:
            resource["status"] = "entered-in-error"
        live_referral = entry.type == "ReferralMade" and entry.version not in story.retracted
        # a retracted referral's id may be used again: only the live one is named by its id (bdl-7)
        target = url(pid, "referral", entry.data["referral_id"]) if live_referral \
            else url(pid, "event", entry.version)
        entries.append({"fullUrl": target, "resource": resource})
        entries.append({"fullUrl": url(pid, "provenance", entry.version),
                        "resource": provenance(target, entry)})
    bundle = Bundle.model_validate({"resourceType": "Bundle", "type": "collection", "entry": entries})
    return bundle.model_dump(mode="json", by_alias=True, exclude_none=True)
