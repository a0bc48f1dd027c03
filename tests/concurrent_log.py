"""A log written while it is being projected: writers of whole journeys (one event per transaction
or many), and the committed notification ids, for the projection fault tests."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from uuid import NAMESPACE_URL, UUID, uuid5

from psycopg.sql import SQL, Identifier

from bench.log_generator import borough_lines
from commands import Ledger
from commands.bulk_import import BulkImport

PROVIDER_LINES = 3  # borough_lines starts with the providers hub, cmht and rehab


def providers(ledger: Ledger) -> None:
    """Register the journeys' providers (once, before any journey is written)."""
    lines = list(borough_lines(PROVIDER_LINES))
    report = BulkImport(ledger).run(enumerate(lines, 1), lambda n: None)
    assert (report.appended, report.rejections) == (PROVIDER_LINES, []), report


def journey_lines(writer: str, events: int, seed: int) -> Iterator[bytes]:
    """About ``events`` lines of whole journeys, without providers, on people of this writer's own."""
    for raw in borough_lines(events + PROVIDER_LINES, seed):
        line = json.loads(raw)
        if line["type"] == "ProviderRegistered":
            continue
        line["person_id"] = str(uuid5(NAMESPACE_URL, f"{writer}/{line['person_id']}"))
        yield json.dumps(line).encode() + b"\n"


class JourneyWriter(threading.Thread):
    """Imports journeys ``batch`` lines per transaction, pausing ``pause`` seconds after each."""

    def __init__(self, ledger: Ledger, name: str, events: int, batch: int, pause: float, seed: int) -> None:
        super().__init__(name=f"writer-{name}", daemon=True)
        self.tag, self.ledger, self.events, self.batch = name, ledger, events, batch
        self.pause, self.seed = pause, seed
        self.appended = 0
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            lines = enumerate(journey_lines(self.tag, self.events, self.seed), 1)
            importer = BulkImport(self.ledger, batch_size=self.batch)
            report = importer.run(lines, lambda n: time.sleep(self.pause))
            assert not report.rejections, report.rejections[:5]
            self.appended = report.appended
        except BaseException as error:  # reported by the test, which joins the writers
            self.error = error


def committed_ids(ledger: Ledger) -> list[int]:
    """Every notification id a reader can see now, in order (one statement, one snapshot)."""
    recorder = ledger.log_recorder
    table = SQL("{}.{}").format(Identifier(recorder.datastore.schema), Identifier(recorder.events_table_name))
    with recorder.datastore.get_connection() as conn:
        row = conn.execute(SQL("SELECT coalesce(array_agg(notification_id ORDER BY notification_id), "
                               "'{{}}') AS ids FROM {}").format(table)).fetchone()
    assert row is not None
    return list(row["ids"])


def person_id(writer: str, number: int) -> UUID:
    """A person of ``journey_lines``: the writer's copy of the borough's person ``number``."""
    return uuid5(NAMESPACE_URL, f"{writer}/{UUID(int=number + 1, version=4)}")
