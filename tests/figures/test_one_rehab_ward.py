"""A borough with one rehab ward, as a commissioner sees its rehab moves: the borough's moves,
inpatients and median stay rest on that ward alone, so they answer exactly what the ward's row
answers (one draw of one value, found by the review), from the summaries, on demand, ``as_of``
and when only the ward is asked for."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from projections.calendar import Month
from projections.facts.runner import FiguresRunner
from projections.figures.cell_key import disclosure_secret
from projections.figures.outcomes import Question, outcomes
from tests.figures.scribe import Scribe

SECRET = disclosure_secret("w" * 40)
MOVES_BY_MONTH = {2: 8, 3: 11, 4: 13, 5: 17, 6: 22, 7: 9}
FIGURES = ("moves", "rehab_inpatients", "median_length_of_stay_days")


def build(s: Scribe) -> None:
    """Everyone admitted to the one rehab ward in January 2025, some discharged home each month."""
    s.provider("hub", "community", "hub", "40.00", "0")
    s.provider("rehab", "inpatient", "rehab_ward", "0", "300.00")
    number = 0
    for month, moves in MOVES_BY_MONTH.items():
        for n in range(moves + 3):
            number += 1
            person = UUID(int=5000 + number, version=4)
            s.person(person, "hub", "2024-12-01T10:00")
            s.event(person, "AdmittedToWard", f"2025-01-{1 + n % 28:02d}T12:00", "rehab",
                    stay_id=f"s{number}", ward_type="rehab", out_of_area=False)
            if n < moves:
                s.event(person, "DischargedFromWard", f"2025-{month:02d}-{1 + n:02d}T10:00",
                        "rehab", stay_id=f"s{number}", destination="own_home")


def shown(runner: FiguresRunner, **kwargs: Any) -> dict[tuple[str, str | None], Any]:
    """The controlled rehab moves of February to July 2025, keyed by (month, provider)."""
    on_demand = kwargs.pop("on_demand", False)
    question = Question("rehab-moves", Month(2025, 2), Month(2025, 7), **kwargs)
    body = outcomes(runner.view, question, is_exact=False, secret=SECRET, on_demand=on_demand)
    return {(row["month"], row["provider_id"]): row for row in body["rows"]}


def test_the_borough_answers_as_its_only_rehab_ward(scribe: Scribe, runner: FiguresRunner) -> None:
    """Every month: the borough's rehab figures are the ward's, however they are asked."""
    build(scribe)
    runner.catch_up()
    maintained = shown(runner)
    for month in {m for (m, _) in maintained}:
        for figure in FIGURES:
            assert maintained[(month, None)][figure] == maintained[(month, "rehab")][figure]
    assert shown(runner, on_demand=True) == maintained
    assert shown(runner, as_of=datetime.now(UTC)) == maintained
    alone = shown(runner, provider="rehab")
    assert alone == {key: row for key, row in maintained.items() if key[1] == "rehab"}
