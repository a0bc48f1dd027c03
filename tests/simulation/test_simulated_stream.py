"""The simulated borough's lines: deterministic, in the import format, the requested size."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from itertools import islice
from pathlib import Path
from typing import Any

import pytest
from import_shape import check_data, check_shape

from simulation import simulate

ROOT = Path(__file__).resolve().parents[2]


def test_same_arguments_give_byte_identical_lines() -> None:
    """Two runs with the same arguments write exactly the same lines."""
    assert list(simulate(600, 4, 5, switch_month=2)) == list(simulate(600, 4, 5, switch_month=2))


def test_lines_do_not_depend_on_string_hashing() -> None:
    """Two interpreters with different hash seeds write the same lines."""
    script = ("import hashlib, sys; from simulation import simulate; "
              "print(hashlib.sha256('\\n'.join(simulate(400, 3, 9)).encode()).hexdigest())")
    digests = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                              check=True, env={**os.environ, "PYTHONHASHSEED": seed},
                              cwd=ROOT).stdout for seed in ("1", "2")}
    assert len(digests) == 1
    assert len(digests.pop().strip()) == 64


def test_another_seed_gives_another_borough() -> None:
    """A different seed tells different stories."""
    assert list(simulate(300, 2, 1)) != list(simulate(300, 2, 2))


def test_every_line_is_one_json_object_in_the_import_shape(small_borough: list[str]) -> None:
    """Each line parses alone and has the contract's keys and the catalogue's fields."""
    problems = [(line, check_shape(e) + check_data(e)) for line in small_borough
                if (e := json.loads(line)) and check_shape(e) + check_data(e)]
    assert problems == []
    assert all("\n" not in line for line in small_borough)


def test_every_provider_is_registered_before_any_story(small_borough: list[str]) -> None:
    """The file opens with the provider directory."""
    kinds = [json.loads(line)["type"] for line in small_borough]
    registered = kinds.index("PersonRegistered")
    assert set(kinds[:registered]) == {"ProviderRegistered"}
    assert kinds.count("ProviderRegistered") == registered


def test_exactly_the_requested_people_come_forward(small_borough: list[str]) -> None:
    """`people` is the number of stories in the file."""
    kinds = Counter(json.loads(line)["type"] for line in small_borough)
    assert kinds["PersonRegistered"] == 3000


def test_costs_rise_each_april(small_borough: list[str]) -> None:
    """Every provider's costs change once on 1 April."""
    changes = [json.loads(line) for line in small_borough if "ProviderCostsChanged" in line]
    assert {change["occurred_at"][:10] for change in changes} == {"2024-04-01"}
    assert len(changes) == sum("ProviderRegistered" in line for line in small_borough)


def test_lines_are_streamed_without_running_the_whole_borough() -> None:
    """The first lines come before the rest is simulated."""
    assert len(list(islice(simulate(10**6, 24, 1), 50))) == 50


@pytest.mark.parametrize(("arguments", "complaint"), [
    ({"people": 10, "months": 2, "seed": 1, "start": "2024-13"}, "YYYY-MM"),
    ({"people": 10, "months": 0, "seed": 1}, "months"),
    ({"people": 10, "months": 2, "seed": 1, "switch_month": 3}, "switch_month"),
    ({"people": 10, "months": 2, "seed": 1, "start": "2999-01"}, "ago"),
])
def test_impossible_arguments_are_refused(arguments: dict[str, Any], complaint: str) -> None:
    """A bad start, no months, a switch outside the run, or a future run raise ValueError."""
    with pytest.raises(ValueError, match=complaint):
        simulate(**arguments)
