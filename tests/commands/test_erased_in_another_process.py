"""A person erased by another process, before this one's erasure watch has looked: a write
giving free text is refused in the write turn itself (422 naming the field), not answered with
a receipt for text sealed under the destroyed key. The erasure is ``ledger erase``, a real
process of its own; this process's watch is asleep, and its cache still holds the key."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from uuid import UUID, uuid4

import pytest
from builders import contact, provider, registration
from erasure_race import ERASURE_WATCH_ASLEEP, erase_elsewhere
from queued_writes import queued_together
from wire_turns import CountingRelay

from commands import Ledger
from commands.receipts import Receipt
from ledger.errors import InvalidEvent


@pytest.fixture
def writer(env: dict[str, str]) -> Iterator[Ledger]:
    """The writing process, its erasure watch asleep."""
    app = Ledger(env={**env, **ERASURE_WATCH_ASLEEP})
    yield app
    app.close()


@pytest.fixture
def erased(writer: Ledger, database_url: str, schema: str, tmp_path: Path) -> UUID:
    """A person the writer wrote free text for (their key cached), then erased elsewhere."""
    writer.register_provider(provider("hub"))
    person_id = uuid4()
    writer.register_person(person_id, registration(1))
    writer.append(person_id, [contact("c-1", summary="Met at the hub.")])
    erase_elsewhere(person_id, database_url, schema, tmp_path / ".ledger")
    assert writer.person_keys.key_for(person_id, create=False) is not None  # not heard yet
    return person_id


def test_a_summary_for_a_person_erased_elsewhere_is_refused(writer: Ledger, erased: UUID) -> None:
    """422 naming the summary; nothing is written."""
    with pytest.raises(InvalidEvent, match=r"^data\.summary: "):
        writer.append(erased, [contact("c-2", summary="Talked about rent.")])
    assert len(writer.sealed_story(erased).entries) == 2


def test_the_refusal_tells_the_writing_process_at_once(writer: Ledger, erased: UUID) -> None:
    """After the refusal this process holds the person as erased, before any poll."""
    with pytest.raises(InvalidEvent):
        writer.append(erased, [contact("c-2", summary="Talked about rent.")])
    assert writer.person_keys.key_for(erased, create=False) is None
    assert erased not in writer.recent_stories


def test_an_entry_with_no_free_text_is_still_kept(writer: Ledger, erased: UUID) -> None:
    """A contact with no summary loses nothing: accepted into the erased story."""
    receipt = writer.append(erased, [contact("c-2")])
    assert receipt.version == 3


def test_in_a_batch_the_erased_persons_write_is_refused_alone_in_two_round_trips(
    relayed: Ledger, relay: CountingRelay, database_url: str, schema: str, tmp_path: Path
) -> None:
    """Two appends in one group commit: the erased person's is refused (naming its field), the
    other lands; the batch is still two round trips."""
    relayed.register_provider(provider("hub"))
    gone, kept = uuid4(), uuid4()
    for serial, person_id in enumerate((gone, kept), start=1):
        relayed.register_person(person_id, registration(serial))
        relayed.append(person_id, [contact("c-1", summary="Met at the hub.")])
    erase_elsewhere(gone, database_url, schema, tmp_path / ".ledger")
    with relay.counting() as turns:
        answers = queued_together(relayed, [
            lambda p=p: relayed.append(p, [contact("c-2", summary="Rent.")]) for p in (gone, kept)])
    refused, landed = answers
    assert isinstance(refused, InvalidEvent)
    assert refused.field == "data.summary"
    assert isinstance(landed, Receipt)
    assert landed.version == 3
    assert turns == [2]
    assert len(relayed.sealed_story(gone).entries) == 2
