"""Random sequences of valid and invalid commands against a model of every story: the stored
story equals the model, refused commands change nothing, no 5xx (in process, then served)."""

from __future__ import annotations

import os

import httpx
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from hypothesis.stateful import run_state_machine_as_test
from ledger_invariants import check_projections
from story_model_machine import StoryModel

EXAMPLES = int(os.environ.get("FAULTS_MODEL_EXAMPLES", "200" if os.environ.get("LEDGER_SOAK") else "20"))


def test_random_commands_in_process_keep_every_story_as_modelled(client: TestClient,
                                                                  env: dict[str, str]) -> None:
    """Through the ASGI app in process: many short random journeys."""
    machine = type("InProcess", (StoryModel,), {"client": client})
    run_state_machine_as_test(machine, settings=settings(
        max_examples=EXAMPLES, stateful_step_count=20, deadline=None, derandomize=True,
        suppress_health_check=list(HealthCheck)))
    check_projections(env)


def test_random_commands_over_a_real_server_keep_every_story_as_modelled(served: str,
                                                                         env: dict[str, str]) -> None:
    """Through uvicorn over real HTTP: a few random journeys."""
    with httpx.Client(base_url=served, timeout=60) as client:
        machine = type("Served", (StoryModel,), {"client": client})
        run_state_machine_as_test(machine, settings=settings(
            max_examples=max(2, EXAMPLES // 4), stateful_step_count=20, deadline=None,
            derandomize=True, suppress_health_check=list(HealthCheck)))
    check_projections(env)
