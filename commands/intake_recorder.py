"""The intake's recorder: the library's, with the alert outbox and the awaiting requests written
in the same transaction as the events that change them, and the front door's request counts."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any
from uuid import uuid5

from eventsourcing.persistence import StoredEvent
from eventsourcing.postgres import PostgresApplicationRecorder

from commands.alert_outbox import AlertOutbox
from commands.intake_awaiting import AwaitingRequests
from commands.request_limits import RequestLimits
from ledger.intake import ALERT_TOPIC, INTAKE_NAMESPACE

INTAKE_RECORDER_TOPIC = "commands.intake_recorder:IntakeRecorder"


class IntakeRecorder(PostgresApplicationRecorder):
    """Stores the intake's events; each ``AlertRaised`` adds its alert to the outbox atomically."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.datastore.enable_db_functions = False  # so that ``_insert_events`` always runs
        self.outbox = AlertOutbox(self.datastore, self.events_table_name)
        self.sql_create_statements.append(self.outbox.create_statement())
        self.request_limits = RequestLimits(self.datastore, self.events_table_name)
        self.sql_create_statements.append(self.request_limits.create_statement())
        self.awaiting = AwaitingRequests(self.datastore, self.events_table_name)
        self.sql_create_statements.extend(self.awaiting.create_statements())

    def _insert_events(self, curs: Any, stored_events: Sequence[StoredEvent], **kwargs: Any) -> None:
        """Add an alert for each ``AlertRaised``, named by its stream and version (so a repeat of
        the same event can never raise a second alert)."""
        super()._insert_events(curs, stored_events, **kwargs)
        self.awaiting.follow(curs, stored_events)
        for event in stored_events:
            if event.topic == ALERT_TOPIC:
                alert_id = uuid5(INTAKE_NAMESPACE,
                                 f"alert/{event.originator_id}/{event.originator_version}")
                self.outbox.add(curs, alert_id, self._reference_of(event))

    @staticmethod
    def _reference_of(event: StoredEvent) -> str:
        """The reference the alert carries in clear (the intake's events are neither compressed
        nor enciphered whole; only the request's details are sealed)."""
        reference = json.loads(event.state).get("reference")
        return reference if isinstance(reference, str) else str(event.originator_id)
