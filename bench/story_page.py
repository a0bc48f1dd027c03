"""How long the story page takes to show a person's story, in headless Chromium, on a served ledger.

    .venv/bin/ledger serve --demo --port 8765     # prints a key worker's token (hub-kw-demo)
    .venv/bin/python -m bench.story_page --base http://127.0.0.1:8765 --token TOKEN --people 20

Takes the people on the token's own provider caseload (a key worker's own caseload first), opens
``/story?person=<id>`` for each and times from navigation to the timeline shown; prints the
median, the 90th percentile and the slowest, with the longest timeline seen (a person the page
asks a break-glass reason for is left out). Every open is a
story read, so it lands in those people's access logs, as a real read would.
"""

from __future__ import annotations

import argparse
import base64
import json
import statistics
import time

import httpx
from playwright.sync_api import sync_playwright


def claims_of(token: str) -> dict[str, str]:
    """The token's claims (read, not verified: the server verifies)."""
    payload = token.split(".")[1]
    return dict(json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))))


def people(base: str, token: str, count: int) -> list[str]:
    """The key worker's own people, then the rest of the provider's caseload."""
    claims = claims_of(token)
    auth = {"Authorization": f"Bearer {token}"}
    own = httpx.get(f"{base}/key-workers/{claims['sub']}/caseload", headers=auth, timeout=60)
    found = list(own.json().get("people", [])) if own.status_code == 200 else []
    caseload = httpx.get(f"{base}/providers/{claims['provider_id']}/caseload", headers=auth, timeout=60)
    caseload.raise_for_status()
    found += [p for p in caseload.json()["people"] if p not in found]
    return found[:count]


def timed_opens(base: str, token: str, person_ids: list[str], chromium: str) -> list[tuple[float, int]]:
    """Seconds from navigation to timeline shown, and the timeline's length, per person."""
    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        for person_id in person_ids:
            page = browser.new_context().new_page()
            started = time.perf_counter()
            page.goto(f"{base}/story?person={person_id}#token={token}")
            page.wait_for_selector("#timeline li, #ask-reason:not([hidden])", timeout=60_000)
            shown = page.locator("#timeline li").count()
            if shown:  # else no care relationship now (a caseload still catching up): not timed
                results.append((time.perf_counter() - started, shown))
            page.context.close()
        browser.close()
    return results


def main() -> None:
    """Parse the arguments, open the pages, print the timings."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--token", required=True, help="a key worker's or provider's token")
    parser.add_argument("--people", type=int, default=20)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    results = timed_opens(args.base, args.token, people(args.base, args.token, args.people), args.chromium)
    seconds = sorted(s for s, _ in results)
    p90 = seconds[max(0, -(-9 * len(seconds) // 10) - 1)]
    print(json.dumps({"pages": len(seconds), "median_s": round(statistics.median(seconds), 3),
                      "p90_s": round(p90, 3), "max_s": round(seconds[-1], 3),
                      "longest_timeline": max(n for _, n in results)}))


if __name__ == "__main__":
    main()
