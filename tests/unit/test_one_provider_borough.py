"""Found in review: where one provider alone makes a borough figure (the one rehab ward's moves
and inpatients), the borough row and that provider's row hold the same exact value, which two
independent draws (the provider's key, ``\\x00borough`` for the borough) rounded twice, so a
commissioner reading both narrowed it: answers of 30 and 25 left only 26-29 where one answer
leaves 26-34 (the demo borough's January 2026 rehab moves, 30 for ``rehab-ward`` and 25 for the
borough). Such a borough cell is now drawn as that provider's cell (``sole_provider``)."""

from __future__ import annotations

from typing import Any

from projections.calendar import Month
from projections.figures.cell_key import disclosure_secret
from projections.figures.disclosure import Control
from projections.figures.outcomes import METRICS
from projections.figures.publication import published
from projections.figures.statistics import Figures

CONTROL = Control(disclosure_secret("i" * 40))
REHAB = METRICS["rehab-moves"].policy
JANUARY = Month(2026, 1)


def january(provider: str | None, moves: int) -> Figures:
    """A rehab-moves row of January 2026 with this exact count of moves."""
    return {"month": JANUARY.label, "provider_id": provider, "moves": moves,
            "rehab_inpatients": 100, "median_length_of_stay_days": 300.0, "readmissions_90d": 0}


def shown(moves: int) -> list[int | None]:
    """The moves a commissioner is shown for the only ward and for the borough."""
    computed = [january("rehab-ward", moves), january(None, moves)]

    def rows(_facts: Any, _months: list[Month], **_: object) -> list[Figures]:
        return [dict(row) for row in computed]

    answer = published(rows, REHAB, "rehab-moves", None, [JANUARY], None, None, CONTROL)  # type: ignore[arg-type]
    return [row["moves"] for row in answer]


def test_the_only_wards_moves_answer_the_same_for_the_ward_and_the_borough() -> None:
    """Every exact count from 8 to 60, one ward being the whole borough: one answer, not two."""
    for moves in range(8, 61):
        ward, borough = shown(moves)
        assert ward == borough, moves
