"""What a catch-up does once at the head: derive the list rows its bulk batches marked, and
build the summaries if they are unbuilt, side by side.

Both run in their own transactions holding the projector's lock shared: they write disjoint
tables (the lists; the summary cells and span), and a batch, which takes the lock alone, waits
for both. Each checks again under the lock whether it is still needed, so a batch that ran
between them (and built the summaries itself) leaves nothing to do twice.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager
from typing import Any

from projections.facts.schema import FiguresView
from projections.summaries import cells
from projections.summaries.batch import Reach
from projections.summaries.maintain import Maintenance
from projections.worklists.unsettled import settle, unsettled


class AtTheHead:
    """The projector's work at the head (``view`` and ``_locked`` are the projector's)."""

    view: FiguresView

    def _locked(self, shared: bool = False) -> AbstractContextManager[Any]:
        raise NotImplementedError

    def settle_and_build(self) -> None:
        """``settle_worklists`` and ``build_summaries`` side by side, each in its own transaction
        holding the lock shared (they write disjoint tables; a batch waits for both)."""
        with ThreadPoolExecutor(1, thread_name_prefix="figures-settle") as beside:
            settled = beside.submit(self.settle_worklists, True)
            self.build_summaries(True)
            settled.result()

    def unsettled(self) -> bool:
        """Whether a bulk batch left some people's list rows to derive (``settle_worklists``)."""
        with self.view.datastore.transaction(commit=False) as curs:
            return unsettled(curs, self.view.table)

    def settle_worklists(self, shared: bool = False) -> None:
        """Derive once the list rows of every person bulk batches marked, and clear the marks."""
        if not self.unsettled():
            return
        with self._locked(shared) as curs:
            settle(curs, self.view.table)

    def build_summaries(self, shared: bool = False) -> None:
        """Build the summaries whole if they never were (facts projected before they existed)."""
        with self.view.datastore.transaction(commit=False) as curs:
            if cells.span(curs, self.view) is not None:
                return
        with self._locked(shared) as curs:
            if cells.span(curs, self.view) is None:
                Maintenance(self.view, curs, Reach()).after()

