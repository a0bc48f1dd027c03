"""Finding a person among those a provider may read: an NHS number by its keyed claim, a name by
its words.

An NHS number is looked up as the ledger's own claim on it (a stream id keyed by the deployment's
secret, ``ledger.claims``), so no story is opened; the one person found is answered only if the
caller's provider may read them. A name is matched against the names of the people the provider
may read, opened in memory from the list tables (each with its own key) and never written
anywhere: no keyed word index is kept, since such an index would have to be written on every
registration and details change, and would show which people share a name to anyone reading it.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from typing import Any
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError

from api.http.named import opened
from api.http.tokens import Caller
from commands import Ledger
from ledger.claims import nhs_claim_key
from projections.facts.schema import FiguresView
from projections.worklists.lists import readable

NHS_NUMBER = re.compile(r"^\d{10}$")
WORD = re.compile(r"[^\W_]+")
NOBODY = UUID(int=0)


def words(text: str) -> list[str]:
    """A name's words, case and accents set aside: "Zoë O'Brien-Smith" is zoe, o, brien, smith."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return WORD.findall(plain.casefold())


def as_nhs_number(query: str) -> str | None:
    """The query as an NHS number (ten digits, spaces allowed), or None."""
    digits = re.sub(r"\s+", "", query)
    return digits if NHS_NUMBER.match(digits) else None


def claimed_by(ledger: Ledger, nhs_number: str) -> UUID | None:
    """Whose story holds the NHS number now, from its claim; None if nobody's."""
    try:
        claim: Any = ledger.repository.get(nhs_claim_key(nhs_number, ledger.claim_namespace))
    except AggregateNotFoundError:
        return None
    owner = getattr(claim, "person_id", None)
    return owner if isinstance(owner, UUID) else None


def search(view: FiguresView, ledger: Ledger, caller: Caller, query: str,
           now: datetime) -> list[dict[str, Any]]:
    """The people the caller's provider may read who match the query, by name."""
    assert caller.provider_id is not None
    number = as_nhs_number(query)
    if number is not None:
        owner = claimed_by(ledger, number)  # nobody's number asks the same question, of no one
        rows = readable(view, caller.provider_id, now, [owner or NOBODY])
        found = opened(ledger, rows, {r["person_id"] for r in rows})
        return list(found.values())
    wanted = words(query)
    rows = readable(view, caller.provider_id, now)
    people = opened(ledger, rows, {r["person_id"] for r in rows})
    matches = [p for p in people.values() if p["name"] and _matches(wanted, words(p["name"]))]
    return sorted(matches, key=lambda p: (p["name"], p["person_id"]))


def _matches(wanted: list[str], name: list[str]) -> bool:
    """Every word asked begins a word of the name."""
    return bool(wanted) and all(any(part.startswith(w) for part in name) for w in wanted)
