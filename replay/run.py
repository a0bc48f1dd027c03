"""One replay, start to end: catch the live figures up, rebuild into scratch, compare, clean up.

With ``--verify`` (and no ``--as-of``) the maintained summaries are also checked cell by cell
against the figures computed on demand from the live facts, and against the rebuild's summaries;
the lists' kept totals likewise against a count of the list rows, and against the rebuild's.
The live projections are brought to the end of the log first when the replay is to be
verified, and the rebuild then reads exactly as far as they did, so a writer appending
meanwhile cannot make the two sides differ.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from eventsourcing.application import Application

from projections.facts.runner import FiguresRunner
from replay.compare import Difference, compare_facts
from replay.count_check import compare_counts_rebuilt, compare_counts_with_rows
from replay.figure_check import compare_figures
from replay.rebuild import REPLAY_BATCH_SIZE, Progress, ReplayReport, rebuild
from replay.scratch import ScratchSpace
from replay.summary_check import compare_rebuilt, compare_with_facts


@dataclass(frozen=True)
class ReplayRequest:
    """What the analyst asked: as of when, whether to verify (facts, then figures), keep scratch."""

    as_of: datetime | None = None
    verify: bool = False
    figures: bool = True
    keep: bool = False
    batch_size: int = REPLAY_BATCH_SIZE


@dataclass
class ReplayOutcome:
    """The rebuild's report, the differences found when verifying, and any schema kept."""

    report: ReplayReport
    differences: list[Difference] = field(default_factory=list)
    kept_schema: str | None = None

    def as_answer(self, request: ReplayRequest) -> dict[str, Any]:
        """The summary ``ledger replay`` prints."""
        return {"events": self.report.events, "seconds": round(self.report.seconds, 3),
                "rate": round(self.report.rate), "positions": self.report.positions,
                "as_of": request.as_of.isoformat() if request.as_of else None,
                "verified": request.verify, "identical": not self.differences if request.verify else None,
                "differences": [d.as_answer() for d in self.differences],
                "kept_schema": self.kept_schema}


def replay(env: dict[str, str], request: ReplayRequest, app: Application[Any] | None = None,
           progress: Progress | None = None) -> ReplayOutcome:
    """Rebuild the figures from the log in a scratch schema; compare with the live ones if asked."""
    live = FiguresRunner(env, app=app)
    try:
        sources = live.sources()
        heads = live.catch_up() if request.verify else {
            s.name: int(s.recorder.max_notification_id() or 0) for s in sources}
        scratch = ScratchSpace.create(live.view, env)
        try:
            outcome = ReplayOutcome(rebuild(scratch.view, sources, heads, request.as_of,
                                            request.batch_size, progress))
            if request.verify:
                outcome.differences = compare_facts(live.view, scratch.view, request.as_of)
            if request.verify and request.figures:
                outcome.differences += compare_figures(live.view, scratch.view, request.as_of)
            if request.verify and request.figures and request.as_of is None:
                outcome.differences += compare_with_facts(live.view)
                outcome.differences += compare_rebuilt(live.view, scratch.view)
                outcome.differences += compare_counts_with_rows(live.view)
                outcome.differences += compare_counts_rebuilt(live.view, scratch.view)
        finally:
            scratch.close(keep=request.keep)
        outcome.kept_schema = scratch.schema if request.keep else None
        return outcome
    finally:
        live.stop()
