"""The erasure test of two servers, with each server a process of its own (``ledger serve``).

``test_api_erasure_two_servers`` runs its two servers in the test's process, where they share
the person-key cache's erased marks, so its key half could pass without the erasure watch ever
reaching another process. Here nothing is shared but PostgreSQL: the second process hears of the
erasure only by its watch, within ``LEDGER_ERASURE_POLL_SECONDS`` plus one query.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from served_ledger import ServedLedger, ledger_served

from tests.api.test_api_erasure_two_servers import (  # noqa: F401 (collected here, with these servers)
    test_a_process_that_read_the_story_keeps_nothing_of_the_erased_person,
)


@pytest.fixture
def two_servers(database_url: str, schema: str) -> Iterator[tuple[str, str]]:
    """Two ``ledger serve`` processes over one ledger (the first registers the providers)."""
    with ledger_served(database_url, schema) as first:
        second = ServedLedger(database_url, schema)
        try:
            second.start()
            yield first.url, second.url
        finally:
            second.stop()
