"""Urgent self-referrals' alerts leave the outbox for the on-call list once, and only once sent."""

from __future__ import annotations

import threading

from console_script import ledger_command, ledger_env
from fastapi.testclient import TestClient
from oncall_receiver import on_call_list
from self_referral_bodies import asking, unsent_alerts

from api.cli.send_alerts import poster


def urgent(client: TestClient, count: int) -> list[str]:
    """Send ``count`` urgent self-referrals; answers their references."""
    return [client.post("/self-referrals", json=asking(in_crisis=True)).json()["reference"]
            for _ in range(count)]


def test_each_alert_is_sent_once_however_often_the_outbox_is_drained(client: TestClient) -> None:
    """Two drains: each alert reaches the on-call list once, with its own key and reference."""
    references = urgent(client, 2)
    outbox = client.app.state.intake.intake_recorder.outbox  # type: ignore[attr-defined]
    with on_call_list() as oncall:
        assert outbox.drain(poster(oncall.url)) == (2, 0)
        assert outbox.drain(poster(oncall.url)) == (0, 0)
    assert len(set(oncall.keys)) == 2
    assert sorted(b["reference"] for b in oncall.bodies) == sorted(references)


def test_an_alert_the_on_call_list_refused_is_sent_at_the_next_drain(client: TestClient) -> None:
    """A refusal leaves the alert waiting; the next drain sends it."""
    urgent(client, 1)
    outbox = client.app.state.intake.intake_recorder.outbox  # type: ignore[attr-defined]
    with on_call_list() as oncall:
        oncall.failing = True
        assert outbox.drain(poster(oncall.url)) == (0, 1)
        assert unsent_alerts(client) == 1
        oncall.failing = False
        assert outbox.drain(poster(oncall.url)) == (1, 0)
    assert len(oncall.keys) == 1


def test_two_senders_at_once_send_each_alert_once(client: TestClient) -> None:
    """Senders racing over the outbox never both send the same alert."""
    urgent(client, 5)
    outbox = client.app.state.intake.intake_recorder.outbox  # type: ignore[attr-defined]
    with on_call_list() as oncall:
        senders = [threading.Thread(target=outbox.drain, args=(poster(oncall.url),)) for _ in range(2)]
        for sender in senders:
            sender.start()
        for sender in senders:
            sender.join(timeout=60)
    assert sorted(oncall.keys) == sorted(set(oncall.keys))
    assert len(oncall.keys) == 5


def test_the_alert_holds_no_personal_data(client: TestClient) -> None:
    """What the on-call list receives names the reference, never the person or their words."""
    urgent(client, 1)
    outbox = client.app.state.intake.intake_recorder.outbox  # type: ignore[attr-defined]
    with on_call_list() as oncall:
        outbox.drain(poster(oncall.url))
    sent = str(oncall.bodies)
    personal = ("Ada", "Example", "rent", "020 7946 0000", "7946", "ada@", "weekday mornings")
    assert not any(word in sent for word in personal)  # (a bare "020" can occur in a random id)


def test_the_command_drains_the_outbox_once(client: TestClient, database_url: str, schema: str) -> None:
    """``ledger send-alerts --once`` sends what waits and reports it; a second run sends nothing."""
    urgent(client, 1)
    with on_call_list() as oncall:
        env = {**ledger_env(database_url, schema), "LEDGER_ONCALL_URL": oncall.url}
        first = ledger_command(["send-alerts", "--once"], env)
        second = ledger_command(["send-alerts", "--once"], env)
    assert (first.returncode, first.stdout.strip()) == (0, '{"sent": 1, "failed": 0, "waiting": 0}')
    assert second.stdout.strip() == '{"sent": 0, "failed": 0, "waiting": 0}'
    assert len(oncall.keys) == 1


def test_the_command_needs_an_on_call_list(database_url: str, schema: str) -> None:
    """Without ``LEDGER_ONCALL_URL``: exit 2 naming it."""
    env = {k: v for k, v in ledger_env(database_url, schema).items() if k != "LEDGER_ONCALL_URL"}
    done = ledger_command(["send-alerts", "--once"], env)
    assert done.returncode == 2
    assert "LEDGER_ONCALL_URL" in done.stderr
