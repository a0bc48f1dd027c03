"""Random valid journeys: the guards accept them and PostgreSQL gives back what was appended."""

from __future__ import annotations

from uuid import uuid4

from builders import provider, registration
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from journeys import PROVIDERS, journeys

from commands import Ledger
from ledger.catalogue import Occurrence

FIXTURE_OK = settings(max_examples=40, deadline=None,
                      suppress_health_check=[HealthCheck.function_scoped_fixture])


def borough(ledger: Ledger) -> None:
    """Register the journeys' providers once per schema."""
    if ledger.recorder.max_notification_id():
        return
    for code in PROVIDERS:
        ledger.register_provider(provider(code))


@FIXTURE_OK
@given(events=journeys(), batch=st.integers(min_value=1, max_value=5))
def test_a_random_valid_journey_reads_back_in_order(
    ledger: Ledger, events: list[Occurrence], batch: int
) -> None:
    """Each story read back equals what was appended, in order, whatever the batch sizes."""
    borough(ledger)
    person_id = uuid4()
    ledger.register_person(person_id, registration(None))
    for start in range(0, len(events), batch):
        ledger.append(person_id, events[start:start + batch], migrating=True)
    stored = ledger.story(person_id).entries[1:]
    assert [(e.type, e.occurred_at, e.provider_id, e.staff_id, e.data) for e in stored] == [
        (o.type, o.occurred_at, o.provider_id, o.staff_id, o.data()) for o in events]
    assert [e.version for e in stored] == list(range(2, len(events) + 2))
