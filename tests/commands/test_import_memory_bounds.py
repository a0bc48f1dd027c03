"""An import's memory is bounded by design (issue 13): its story cache by an estimate of bytes,
its person-key cache by a count, however many people and events the file brings."""

from __future__ import annotations

from itertools import islice

import pytest

from commands import Ledger
from commands.bulk_import import BulkImport
from commands.imported_stories import BYTES_PER_ENTRY, BYTES_PER_STORY, StoryCache
from simulation import simulate

LINES = 4000


def borough(lines: int = LINES) -> list[tuple[int, bytes]]:
    """A simulated borough's first lines, people's journeys interleaved in time as a file's are."""
    made = simulate(lines // 11 + 50, 24, 1, "2024-01")
    return list(enumerate((text.encode() for text in islice(made, lines)), start=1))


def estimate(cache: StoryCache) -> int:
    """The cache's stories' bytes, reckoned from the stories themselves."""
    return sum(BYTES_PER_STORY + BYTES_PER_ENTRY * len(story.entries)
               for story, _ in cache.stories.values())


def test_the_story_cache_never_holds_more_than_its_bytes(ledger: Ledger) -> None:
    """4,000 lines in batches of 100 with a 30 kB cache: after every batch its stories, short or
    long, hold at most 30 kB by their own reckoning, and every line still lands."""
    importer = BulkImport(ledger, batch_size=100, cache_bytes=30_000)
    held: list[int] = []
    report = importer.run(borough(), lambda _: held.append(estimate(importer.cache)))
    assert (max(held) <= 30_000, report.rejections, report.appended) == (True, [], LINES)


def test_an_import_holds_no_more_person_keys_than_the_most(env: dict[str, str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """4,000 lines (about 400 people) read within seconds, 100 keys at most: after every batch
    the importer holds at most 100."""
    monkeypatch.setattr("commands.held_keys.MOST_HELD", 100)
    with Ledger(env=env) as ledger:
        held: list[int] = []
        report = BulkImport(ledger, batch_size=100).run(
            borough(), lambda _: held.append(ledger.person_keys.held()))
    assert (max(held) <= 100, report.appended) == (True, LINES)


def test_a_batch_finds_the_stories_of_the_batch_being_written_when_none_is_kept(
        ledger: Ledger) -> None:
    """With a cache too small to keep any story, each batch is decided while the one before is
    written: its people's stories come from that batch, not from the log (which lacks its events
    yet), and every line lands."""
    report = BulkImport(ledger, batch_size=100, cache_bytes=0).run(borough(), lambda _: None)
    assert (report.rejections, report.appended) == ([], LINES)


def test_an_import_of_many_bad_lines_keeps_few_reasons(ledger: Ledger,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """500 bad lines, 10 reasons listed: all 500 counted, fewer than 20 reasons held, the first
    10 listed."""
    monkeypatch.setattr("commands.import_report.LISTED", 10)
    report = BulkImport(ledger, batch_size=100).run(
        ((number, b'{"type": ') for number in range(1, 501)), lambda _: None)
    assert (report.rejected, len(report.rejections) < 20, [n for n, _ in report.listed()]) == (
        500, True, list(range(1, 11)))
