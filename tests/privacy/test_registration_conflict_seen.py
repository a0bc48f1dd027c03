"""Found in review, open: registering an NHS number is an oracle of whether someone is known to
the services. Any provider's staff, with no care relationship, sends ``POST /people`` with a
neighbour's NHS number: 409 (``data.nhs_number``) says a story holds it, and nothing attributable
is kept (the log line ``registration_conflict_for_review`` names no provider or staff member), no
entry reaches the person's access log or the privacy officer, and no limit applies (only an
unknown number writes, a story in the prober's name). Recording the conflict in the existing
story's access log, as a refused read is, needs the registration's write turn: left to its
owners, strict xfail until then."""

from __future__ import annotations

import pytest
from api_journeys import bearer, registration
from fastapi.testclient import TestClient


@pytest.mark.xfail(strict=True, reason="a registration conflict is written nowhere the person sees")
def test_a_strangers_registration_with_the_persons_number_is_in_their_access_log(
        client: TestClient, person: str) -> None:
    """housing's 409 is in the person's access log, naming housing and its staff member."""
    probe = client.post("/people", json=registration(), headers=bearer("provider", "housing", "h-9"))
    assert probe.status_code == 409
    reads = client.get(f"/people/{person}/access-log", headers=bearer("analyst")).json()["reads"]
    assert ("housing", "h-9") in [(r["provider_id"], r["staff_id"]) for r in reads]
