"""A line whose NHS number is held by another story is refused and writes nothing."""

from __future__ import annotations

from uuid import UUID, uuid4

import pytest
from builders import nhs_number
from import_lines import HUB, PERSON, REGISTERED, line

from commands import Ledger
from commands.bulk_import import BulkImport, ImportReport
from ledger.errors import LedgerError

OTHER = str(uuid4())
TAKEN = {"nhs_number": nhs_number(7)}  # the number REGISTERED claims for PERSON
OTHER_REGISTERED = line("PersonRegistered", {"given_name": "Bea", "family_name": "Example",
                                             "birth_date": "1991-05-02"}, person_id=OTHER)


def run(ledger: Ledger, lines: list[bytes]) -> ImportReport:
    """One batch holding every line."""
    return BulkImport(ledger, batch_size=10).run(enumerate(lines, start=1), lambda n: None)


def test_a_second_registration_of_the_number_writes_nothing(ledger: Ledger) -> None:
    """Another person registered with a number already held: refused, no story begun."""
    again = line("PersonRegistered", {**TAKEN, "given_name": "Bea", "family_name": "Example",
                                      "birth_date": "1991-05-02"}, person_id=OTHER)
    report = run(ledger, [HUB, REGISTERED, again])
    assert [number for number, _ in report.rejections] == [3]
    with pytest.raises(LedgerError):
        ledger.story(UUID(OTHER))


def test_a_details_update_to_a_held_number_writes_nothing(ledger: Ledger) -> None:
    """Another person's details updated to a number already held: refused, no event stored."""
    update = line("DetailsUpdated", TAKEN, person_id=OTHER)
    report = run(ledger, [HUB, REGISTERED, OTHER_REGISTERED, update])
    assert [number for number, _ in report.rejections] == [4]
    assert (ledger.story(UUID(OTHER)).version, ledger.story(UUID(PERSON)).version) == (1, 1)
