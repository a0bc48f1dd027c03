"""The embedded PostgreSQL (pgserver) used when no ``DATABASE_URL`` is set: started in a folder
of its own, it allows the connections asked of it, and the last process to let go stops it."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from api.deployment.database import embedded_url, stop_embedded
from api.deployment.embedded_server import _embedded

pytestmark = pytest.mark.xdist_group("embedded")  # one initdb at a time on two cores


@pytest.fixture
def pgdata() -> Iterator[Path]:
    """A data folder outside pytest's owner-only temporary folders (pgserver may run as its own user)."""
    home = Path(tempfile.mkdtemp(prefix="ledger-embedded-"))
    home.chmod(0o755)
    yield home / "pgdata"
    stop_embedded()
    shutil.rmtree(home, ignore_errors=True)


def allowed(url: str) -> int:
    """The server's ``max_connections``."""
    with psycopg.connect(url) as conn:
        row = conn.execute("SHOW max_connections").fetchone()
    assert row is not None
    return int(row[0])


def test_a_server_asked_for_more_connections_than_initdb_gives_allows_them(pgdata: Path) -> None:
    """The suite's own server must take both test workers' pools and a benchmark's servers
    (initdb's 100 ran out: 'too many clients' in a fresh clone's ``make test``)."""
    assert allowed(embedded_url(pgdata, connections=240)) == 240


def test_a_server_asked_for_nothing_keeps_initdb_default(pgdata: Path) -> None:
    """``ledger serve`` with no ``DATABASE_URL`` asks for nothing: the server is left as made."""
    assert allowed(embedded_url(pgdata)) == 100


def test_joining_a_server_that_allows_enough_keeps_it_running(pgdata: Path) -> None:
    """A second ask for no more than it allows restarts nothing: a connection held stays open."""
    url = embedded_url(pgdata, connections=150)
    with psycopg.connect(url) as held:
        embedded_url(pgdata, connections=120)
        assert held.execute("SELECT 1").fetchone() == (1,)


def test_a_restarted_server_s_handle_names_the_server_that_runs(pgdata: Path) -> None:
    """Restarted to allow more connections, the server has a new postmaster: the handle that
    stops it when the last process lets go must name that one, not the one before (whose
    process is gone, so pgserver would skip the stop: `make test` without DATABASE_URL left
    servers running)."""
    embedded_url(pgdata, connections=240)
    running = int((pgdata / "postmaster.pid").read_text().split()[0])
    assert _embedded[-1].get_pid() == running


def test_the_last_to_let_go_stops_a_server_it_restarted(pgdata: Path) -> None:
    embedded_url(pgdata, connections=240)
    stop_embedded()
    assert not (pgdata / "postmaster.pid").exists()
