"""The story as a FHIR R4B Bundle: the same access rules, every event with its provenance."""

from __future__ import annotations

from typing import Any

from api_journeys import bearer, contact, referral
from fastapi.testclient import TestClient
from fhir.resources.R4B.bundle import Bundle

HUB = bearer("provider", "hub")
CMHT = bearer("provider", "cmht")


def bundle_of(client: TestClient, person: str, headers: dict[str, str] = HUB) -> dict[str, Any]:
    answer = client.get(f"/people/{person}/fhir", headers=headers)
    assert answer.status_code == 200
    return dict(answer.json())


def resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def test_the_bundle_parses_as_fhir_r4b(client: TestClient, person: str) -> None:
    """The answer is a valid R4B collection Bundle."""
    bundle = Bundle.model_validate(bundle_of(client, person))
    assert bundle.type == "collection"


def test_the_patient_carries_the_nhs_number(client: TestClient, person: str) -> None:
    """The NHS number uses the NHS England identifier system."""
    patient = resources(bundle_of(client, person), "Patient")[0]
    assert {"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "9434765919"} in patient["identifier"]


def test_a_referral_and_its_acceptance_export_as_service_request_and_task(
    client: TestClient, person: str
) -> None:
    """The Task points at the ServiceRequest of the same referral."""
    client.post(f"/people/{person}/events", json=referral("cmht"), headers=HUB)
    accept = {"type": "ReferralAccepted", "occurred_at": "2024-03-02T10:00:00+00:00",
              "data": {"referral_id": "r-1"}}
    client.post(f"/people/{person}/events", json=accept, headers=CMHT)
    bundle = bundle_of(client, person)
    request_url = next(e["fullUrl"] for e in bundle["entry"]
                       if e["resource"]["resourceType"] == "ServiceRequest")
    task = resources(bundle, "Task")[0]
    assert (task["status"], task["focus"]["reference"]) == ("accepted", request_url)


def test_a_retracted_contact_exports_as_entered_in_error(client: TestClient, person: str) -> None:
    """FHIR's compensating status stands for the ledger's retraction."""
    client.post(f"/people/{person}/events", json=contact(), headers=HUB)
    retract = {"type": "EventRetracted", "occurred_at": "2024-03-02T10:00:00+00:00",
               "data": {"version": 2, "reason": "wrong person"}}
    client.post(f"/people/{person}/events", json=retract, headers=HUB)
    assert resources(bundle_of(client, person), "Encounter")[0]["status"] == "entered-in-error"


def test_every_event_has_a_provenance_naming_who_recorded_it(client: TestClient, person: str) -> None:
    """Provenance keeps the recording staff member and provider through the export."""
    client.post(f"/people/{person}/events", json=contact(), headers=HUB)
    provenance = resources(bundle_of(client, person), "Provenance")
    assert provenance[-1]["agent"][0]["onBehalfOf"]["identifier"]["value"] == "hub"


def test_a_provider_without_a_care_relationship_is_refused(client: TestClient, person: str) -> None:
    """The FHIR export follows the story's access rules."""
    assert client.get(f"/people/{person}/fhir", headers=bearer("provider", "gp-1")).status_code == 404


def test_a_fhir_read_goes_in_the_access_log(client: TestClient, person: str) -> None:
    """Reading the export is a read of the story."""
    bundle_of(client, person)
    log = client.get(f"/people/{person}/access-log", headers=bearer("analyst")).json()
    assert [read["outcome"] for read in log["reads"]] == ["allowed"]


def test_a_referral_id_used_again_after_a_retraction_keeps_every_full_url_unique(
    client: TestClient, person: str
) -> None:
    """FHIR's bdl-7: r-1 made, retracted, made again, and the bundle still names each entry once."""
    client.post(f"/people/{person}/events", json=referral("cmht"), headers=HUB)
    retraction = {"type": "EventRetracted", "occurred_at": "2024-03-02T10:00:00+00:00",
                  "data": {"version": 2, "reason": "sent to the wrong team"}}
    client.post(f"/people/{person}/events", json=retraction, headers=HUB)
    assert client.post(f"/people/{person}/events", json=referral("cmht"), headers=HUB).status_code == 201
    urls = [entry["fullUrl"] for entry in bundle_of(client, person)["entry"]]
    assert len(urls) == len(set(urls))
