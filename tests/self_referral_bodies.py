"""Bodies the front-door tests send, and what the intake and the log hold afterwards."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient


def asking(**changes: Any) -> dict[str, Any]:
    """A self-referral for oneself: name, what is going on, what matters, how to reach them."""
    body: dict[str, Any] = {
        "given_name": "Ada", "family_name": "Example",
        "what_is_going_on": "I have not slept for weeks and I am behind on rent.",
        "what_matters": "Keeping my flat and getting back to work.",
        "phone": "020 7946 0000", "email": "ada@example.org", "best_time": "weekday mornings"}
    return {**body, **changes}


def for_someone_else(**changes: Any) -> dict[str, Any]:
    """A carer's referral of someone who agreed to it."""
    carer = {"referrer": "carer", "referrer_name": "Grace Example",
             "referrer_phone": "07700 900123", "agreed": True}
    return asking(**{**carer, **changes})


def written(client: TestClient) -> tuple[int, int]:
    """The positions of the intake's and the ledger's logs (0 when empty)."""
    state = client.app.state  # type: ignore[attr-defined]
    return (state.intake.recorder.max_notification_id() or 0,
            state.ledger.recorder.max_notification_id() or 0)


def intake_topics(client: TestClient) -> list[str]:
    """The topics of every event in the intake, in order."""
    recorder = client.app.state.intake.recorder  # type: ignore[attr-defined]
    return [n.topic for n in recorder.select_notifications(1, 1000)]


def unsent_alerts(client: TestClient) -> int:
    """How many alerts wait in the outbox."""
    return int(client.app.state.intake.intake_recorder.outbox.unsent())  # type: ignore[attr-defined]
