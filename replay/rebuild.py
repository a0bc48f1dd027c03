"""Rebuild the figures from the log into a scratch view with the live path's own ``Projector``.

The same projector class, the same sources and the same fact functions as the live figures, so
a rebuild cannot disagree with the live path by construction; only the destination differs.
As of an instant, facts recorded after it are left out, so the tables hold exactly what the
live tables held then (the facts are append-only, each stamped with its ``recorded_at``).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from projections.facts.event_rows import Row
from projections.facts.log_sources import Source
from projections.facts.projector import Projector
from projections.facts.schema import FiguresView

PROJECTIONS = ("figures",)
REPLAY_BATCH_SIZE = 5000
Progress = Callable[[str, int, int], None]


class ReplayedSource:
    """A live source as a replay reads it: counts the events read, drops facts after ``as_of``."""

    def __init__(self, source: Source, view: FiguresView, as_of: datetime | None) -> None:
        self.source = source
        self.name = source.name
        self.topics = source.topics
        self.as_of = as_of
        self.view = view
        self.events = 0

    @property
    def recorder(self) -> Any:
        """The live source's recorder (the log is only read)."""
        return self.source.recorder

    def facts(self, notification: Any) -> list[tuple[str, Row]]:
        """The live source's facts, less those recorded after ``as_of``."""
        self.events += 1
        facts = self.source.facts(notification)
        if self.as_of is None:
            return facts
        return [(table, row) for table, row in facts if self._known(table, row)]

    def _known(self, table: str, row: Row) -> bool:
        recorded_at = row[self.view.column_names(table).index("recorded_at")]
        return recorded_at is not None and recorded_at <= self.as_of


@dataclass
class ReplayReport:
    """How a rebuild went: events read, seconds taken, and where each log was read to."""

    events: int = 0
    seconds: float = 0.0
    positions: dict[str, int] = field(default_factory=dict)

    @property
    def rate(self) -> float:
        """Events read per second."""
        return self.events / self.seconds if self.seconds else 0.0


def rebuild(scratch: FiguresView, sources: list[Source], heads: dict[str, int],
            as_of: datetime | None = None, batch_size: int = REPLAY_BATCH_SIZE,
            progress: Progress | None = None) -> ReplayReport:
    """Project each source from the start of its log up to its head into the scratch view."""
    projector = Projector(scratch, batch_size)
    projector.bulk_behind = 0  # every batch in bulk: summaries and list rows made once, at the end
    report = ReplayReport()
    started = time.perf_counter()
    for source in sources:
        replayed = ReplayedSource(source, scratch, as_of)
        head, position = heads[source.name], 0
        while position < head:
            position = projector.advance(replayed, head)
            if progress is not None:
                progress(source.name, position, head)
        report.events += replayed.events
        report.positions[source.name] = position
    projector.settle_worklists()
    projector.build_summaries()
    report.seconds = time.perf_counter() - started
    return report
