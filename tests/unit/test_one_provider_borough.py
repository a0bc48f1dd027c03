"""Found in review: where one provider alone makes a borough figure (the one rehab ward's moves
and inpatients), the borough row and that provider's row hold the same exact value, rounded by two
independent draws (the draw is keyed by the provider, ``\\x00borough`` for the borough), so a
commissioner reading both narrows it: answers of 30 and 25 leave only 26-29 where one answer
leaves 26-34. The demo borough (loaded 30 Nov 2026) showed January 2026's rehab moves as 30 for
``rehab-ward`` and 25 for the borough, its inpatients as 95 and 100. Closing it changes published
answers (docs/figures.md: they never change), so it is left for a decision, e.g. a borough cell
resting on one provider's people drawn as that provider's cell. docs/figures.md "Limits" names
two draws of one value across two metrics, not this one."""

from __future__ import annotations

import pytest

from projections.figures.cell_key import disclosure_secret
from projections.figures.disclosure import Control, controlled
from projections.figures.outcomes import METRICS

CONTROL = Control(disclosure_secret("i" * 40))
REHAB = METRICS["rehab-moves"].policy


def shown(provider: str | None, moves: int) -> int | None:
    """The moves a commissioner is shown for a row of January 2026 with this exact count."""
    row = {"month": "2026-01", "provider_id": provider, "moves": moves, "rehab_inpatients": 100,
           "median_length_of_stay_days": 300.0, "readmissions_90d": 0}
    return controlled(row, REHAB, CONTROL, "rehab-moves")["moves"]


@pytest.mark.xfail(strict=True, reason="two draws of one value: left for a decision on the cell key")
def test_the_only_wards_moves_answer_the_same_for_the_ward_and_the_borough() -> None:
    """Every exact count from 8 to 60, one ward being the whole borough: one answer, not two."""
    assert [shown("rehab-ward", v) for v in range(8, 61)] == [shown(None, v) for v in range(8, 61)]
