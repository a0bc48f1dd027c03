"""Differencing attacks replayed as a commissioner: none recovers a value more exact than the
published rounding (people to 5, money to £100), and none recovers a suppressed cell."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from commands import Ledger
from projections.calendar import Month
from projections.facts.runner import FiguresRunner
from projections.figures.cell_key import disclosure_secret
from projections.figures.outcomes import Question, outcomes
from tests.figures import small_groups
from tests.figures.scribe import Scribe

SECRET = disclosure_secret("s" * 40)
Ask = Callable[..., dict[tuple[str, str | None], dict[str, Any]]]


@pytest.fixture
def ask(scribe: Scribe, runner: FiguresRunner) -> Ask:
    """Asks the small-groups borough a question, as a commissioner unless ``exact``."""
    small_groups.build(scribe)
    runner.catch_up()

    def answer(metric: str, start: str = "2025-03", end: str = "2025-03", exact: bool = False,
               **kwargs: Any) -> dict[tuple[str, str | None], dict[str, Any]]:
        runner.catch_up()
        question = Question(metric, Month.parse(start), Month.parse(end), **kwargs)
        body = outcomes(runner.view, question, is_exact=exact, secret=SECRET)
        return {(row["month"], row["provider_id"]): row for row in body["rows"]}

    return answer


def test_cost_over_cost_per_person_gives_only_the_published_people(ask: Ask) -> None:
    """cost_gbp ÷ cost_per_person_gbp is the people count shown, never the exact one."""
    shown, exact = ask("cost"), ask("cost", exact=True)
    recovered = {key: round(Decimal(row["cost_gbp"]) / Decimal(row["cost_per_person_gbp"]))
                 for key, row in shown.items() if row["cost_gbp"] is not None}
    assert recovered
    assert all(people == shown[key]["people"] != exact[key]["people"]
               for key, people in recovered.items())


def test_borough_cost_minus_providers_shown_does_not_isolate_the_ward(ask: Ask) -> None:
    """The ward's £9,300 for one person is hidden, and so is a second cost beside it."""
    shown = ask("cost")
    providers = [row for (_, provider), row in shown.items() if provider is not None]
    hidden = [row["provider_id"] for row in providers if row["cost_gbp"] is None]
    borough = shown[("2025-03", None)]["cost_gbp"]
    assert "rehab" in hidden
    assert len(hidden) >= 2 or borough is None
    if borough is not None:
        rest = Decimal(borough) - sum(Decimal(r["cost_gbp"]) for r in providers if r["cost_gbp"])
        assert rest != Decimal(small_groups.WARD_COST)


def test_an_acceptance_rate_beside_a_suppressed_decline_count_is_hidden(ask: Ask) -> None:
    """3 of cmht's 12 March referrals were declined: neither that nor a rate that pins it shows."""
    row = ask("referrals")[("2025-03", "cmht")]
    assert (row["declined"], row["acceptance_rate"], row["avoidable_share"]) == (None, None, None)
    assert {"declined", "acceptance_rate", "avoidable_share"} <= set(row["suppressed_fields"])


def test_two_baseline_windows_do_not_reveal_a_suppressed_month(ask: Ask) -> None:
    """A baseline holding February's 3 referrals gives no change; January's gives one from
    published cells only, which anyone can ask for directly."""
    january = ask("referrals", baseline=(Month(2025, 1), Month(2025, 1)))[("2025-03", "cmht")]
    both = ask("referrals", baseline=(Month(2025, 1), Month(2025, 2)))[("2025-03", "cmht")]
    published = ask("referrals", "2025-01", "2025-02")
    assert published[("2025-02", "cmht")]["referrals"] is None
    assert both["change_vs_baseline"] is None
    assert "change_vs_baseline" in both["suppressed_fields"]
    jan = published[("2025-01", "cmht")]["referrals"]
    assert january["change_vs_baseline"] == round((january["referrals"] - jan) / jan, 4)
    assert january["referrals"] == both["referrals"]


def test_two_as_of_instants_differ_only_by_the_published_rounding(
    ask: Ask, scribe: Scribe, ledger: Ledger
) -> None:
    """One more person seen by hub in March moves hub's 12 to 13; the answers before and after
    differ by a multiple of 5 (or not at all), and asking again between writes changes nothing."""
    before = ledger.mapper.to_domain_event(ledger.recorder.select_notifications(0, 10000)[-1]).timestamp
    scribe.contact(small_groups.PEOPLE[35], "hub", "2025-03-28T10:00", "hub-late")
    after = ledger.mapper.to_domain_event(ledger.recorder.select_notifications(0, 10000)[-1]).timestamp
    at_before = ask("people-supported", as_of=before)[("2025-03", "hub")]["people"]
    again = ask("people-supported", as_of=before + (after - before) / 2)[("2025-03", "hub")]["people"]
    at_after = ask("people-supported", as_of=after)[("2025-03", "hub")]["people"]
    assert again == at_before
    assert (at_before % 5, at_after % 5) == (0, 0)
    assert abs(at_before - 12) < 5
    assert abs(at_after - 13) < 5
    assert at_after - at_before != 1


def test_a_cell_answers_the_same_whatever_else_is_asked(ask: Ask) -> None:
    """The GP's March cost is the same asked alone, over four months, or among every provider."""
    alone = ask("cost", provider="gp")[("2025-03", "gp")]
    longer = ask("cost", "2025-01", "2025-04", provider="gp")[("2025-03", "gp")]
    everyone = ask("cost")[("2025-03", "gp")]
    assert alone == longer == everyone
