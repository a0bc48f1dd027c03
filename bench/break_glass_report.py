"""The privacy officer's report against the access log's length: ``python -m bench.break_glass_report``.

Records ``--reads`` story reads of ``--people`` people, one in ``--every`` flagged (break-glass),
then times the report's first page from the flagged reads' table (``AccessLog.flagged``) beside
the scan of the whole log it replaced (``commands.flagged_check``): median of ``--rounds`` each,
in ms, printed as JSON, on a scratch schema dropped at the end.
"""

from __future__ import annotations

import argparse
import json
import os
from datetime import UTC, datetime
from uuid import uuid4

from api.deployment.database import store_env
from bench.intake_list import median_ms
from bench.scratch import ScratchSchemas
from bench.suite import bench_settings
from commands.access_log import AccessLog, Read
from commands.flagged_check import flagged_in_log


def main() -> None:
    """Fill an access log, time both reports, print them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reads", type=int, default=20_000)
    parser.add_argument("--people", type=int, default=2_000)
    parser.add_argument("--every", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    url = os.environ["DATABASE_URL"]
    people = [uuid4() for _ in range(args.people)]
    with ScratchSchemas(url) as schemas:
        access_log = AccessLog(env=store_env(url, bench_settings(schemas.new("flagged"))))
        try:
            for n in range(args.reads):
                flagged = n % args.every == 0
                access_log.record_read(people[n % args.people], Read(
                    role="provider", provider_id="hub", staff_id="b", break_glass=flagged,
                    reason="an emergency at the front desk" if flagged else None,
                    outcome="allowed_break_glass" if flagged else "allowed", at=datetime.now(UTC)))
            assert access_log.flagged(None, None, None, 100) == flagged_in_log(
                access_log, None, None, None, 100)
            print(json.dumps({
                "reads": args.reads, "flagged": -(-args.reads // args.every),
                "table_ms": median_ms(lambda: access_log.flagged(None, None, None, 100), args.rounds),
                "log_scan_ms": median_ms(lambda: flagged_in_log(access_log, None, None, None, 100),
                                         args.rounds),
                "load_average": os.getloadavg()}))
        finally:
            access_log.close()


if __name__ == "__main__":
    main()
