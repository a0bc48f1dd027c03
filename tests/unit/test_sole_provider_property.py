"""Random small boroughs of one month, published as a commissioner sees them: a borough figure
that one provider alone makes answers exactly what that provider's row answers (one draw of one
value); a figure two or more providers make keeps the borough's own draw, as before the change
(pinned against the borough key, ``\\x00borough``, of ``cell_key.draw``)."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from projections.calendar import Month
from projections.figures.cell_key import Cell, disclosure_secret
from projections.figures.disclosure import Control
from projections.figures.outcomes import METRICS
from projections.figures.publication import published
from projections.figures.statistics import Figures

CONTROL = Control(disclosure_secret("s" * 40))
MONTH = Month(2026, 1)
COUNTS = ("moves", "rehab_inpatients", "readmissions_90d")
WARDS = ("ward-a", "ward-b", "ward-c")

ward_counts = st.fixed_dictionaries({name: st.integers(0, 40) for name in COUNTS})
boroughs = st.dictionaries(st.sampled_from(WARDS), ward_counts, max_size=3)


def row(provider: str | None, counts: dict[str, int]) -> Figures:
    """A rehab-moves row whose median stay rests on its moves (300 days, as every ward's)."""
    return {"month": MONTH.label, "provider_id": provider, **counts,
            "median_length_of_stay_days": 300 if counts["moves"] else None}


def publish(wards: dict[str, dict[str, int]]) -> dict[str | None, Figures]:
    """The month's rows for a commissioner, the borough's counts the sums of the wards'."""
    borough = {name: sum(counts[name] for counts in wards.values()) for name in COUNTS}
    computed = [row(ward, counts) for ward, counts in sorted(wards.items())]
    computed.append(row(None, borough))

    def rows(_facts: Any, _months: list[Month], **_: object) -> list[Figures]:
        return [dict(r) for r in computed]

    policy = METRICS["rehab-moves"].policy
    answer = published(rows, policy, "rehab-moves", None, [MONTH], None, None, CONTROL)  # type: ignore[arg-type]
    return {r["provider_id"]: r for r in answer}


@settings(max_examples=300, deadline=None)
@given(boroughs)
def test_a_borough_figure_answers_as_the_one_provider_making_it(wards: dict[str, dict[str, int]]) -> None:
    """One contributor: the borough's count (and the median beside moves) is that ward's answer."""
    shown = publish(wards)
    for name in COUNTS:
        makers = [ward for ward, counts in wards.items() if counts[name]]
        if len(makers) == 1:
            assert shown[None][name] == shown[makers[0]][name]
            if name == "moves":
                alone = shown[makers[0]]["median_length_of_stay_days"]
                assert shown[None]["median_length_of_stay_days"] == alone


@settings(max_examples=300, deadline=None)
@given(boroughs)
def test_a_borough_figure_two_providers_make_keeps_its_own_draw(wards: dict[str, dict[str, int]]) -> None:
    """Two or more contributors: the borough's answer is its own key's, unchanged."""
    shown = publish(wards)
    for name in COUNTS:
        if sum(1 for counts in wards.values() if counts[name]) >= 2:
            total = sum(counts[name] for counts in wards.values())
            own = Cell("rehab-moves", name, MONTH.label, None)
            assert shown[None][name] == CONTROL.count(own, total)
