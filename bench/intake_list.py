"""The Hub's intake list against the intake's history: ``python -m bench.intake_list``.

Receives ``--past`` self-referrals and confirms them all, leaves ``--awaiting`` unconfirmed, then
times the list read from the awaiting table (``Intake.awaiting``) beside the replay of the whole
intake log it replaced (``Intake.awaiting_in_log``): median of ``--rounds`` reads each, in ms,
printed as JSON, on a scratch schema dropped at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from collections.abc import Callable
from typing import Any
from uuid import uuid4

from api.deployment.database import store_env
from bench.scratch import ScratchSchemas
from bench.suite import bench_settings
from commands.intake import Intake
from ledger.self_referral import SelfReferralDetails

ASKING = SelfReferralDetails.model_validate({
    "given_name": "Ada", "family_name": "Example", "what_is_going_on": "I have not slept.",
    "what_matters": "Keeping my flat.", "phone": "020 7946 0000"})


def median_ms(read: Callable[[], Any], rounds: int) -> float:
    """The median time of ``rounds`` calls, in milliseconds."""
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        read()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 2)


def main() -> None:
    """Fill an intake, time both reads, print them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--past", type=int, default=5000)
    parser.add_argument("--awaiting", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    url = os.environ["DATABASE_URL"]
    with ScratchSchemas(url) as schemas:
        intake = Intake(env=store_env(url, bench_settings(schemas.new("intake"))))
        try:
            for _ in range(args.past):
                intake.confirm(intake.request(intake.receive(ASKING)), uuid4(), "new_story", "hub", "b")
            for _ in range(args.awaiting):
                intake.receive(ASKING)
            assert len(intake.awaiting()) == len(intake.awaiting_in_log()) == args.awaiting
            print(json.dumps({"past": args.past, "awaiting": args.awaiting,
                              "table_ms": median_ms(intake.awaiting, args.rounds),
                              "log_replay_ms": median_ms(intake.awaiting_in_log, args.rounds),
                              "load_average": os.getloadavg()}))
        finally:
            intake.close()


if __name__ == "__main__":
    main()
