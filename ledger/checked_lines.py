"""Event lines checked in one process and carried to another as compact text.

Validating a line (``ledger.event_lines.parse_line``: JSON, the envelope, the catalogue's payload
model) is most of an import's work in Python, and needs nothing but the line. ``checked_chunk``
does it in a worker process and answers, for each line, either the reason it is refused or the
line as validated, written back as a compact JSON array (plain text crosses between processes far
more cheaply than pickled models). ``parsed_from`` rebuilds the ``ParsedLine`` from that text in
the importing process without validating again (``Occurrence.checked``). Lines checked in the
importing process itself (no workers) skip the text and the models ``parse_line`` builds:
``decided_chunk`` answers each line as ``settled`` leaves it, the same line
``parsed_from(checked_text(...))`` rebuilds.
"""

from __future__ import annotations

import json
import os
import threading
import time
from datetime import datetime
from sys import intern
from typing import Any
from uuid import UUID

from ledger.catalogue import Occurrence, assembled, payload_data
from ledger.errors import LedgerError
from ledger.event_lines import EventLine, ParsedLine, checked_line, parse_line
from ledger.payloads import Payload

NumberedLine = tuple[int, bytes]
Verdict = tuple[int, str, bool]
"""A line's number, then its checked text and True, or the reason it was refused and False."""
Decided = tuple[int, ParsedLine | str]
"""A line's number, then the line as validated, or the reason it was refused."""
SHORT = 64  # texts up to this long are interned when a line is rebuilt


def checked_text(parsed: ParsedLine) -> str:
    """A validated line as compact text: type, person, providers, time, data and key."""
    occurrence = parsed.occurrence
    person_id = None if parsed.person_id is None else str(parsed.person_id)
    return json.dumps([occurrence.type, person_id, occurrence.provider_id, occurrence.staff_id,
                       occurrence.occurred_at.isoformat(), occurrence.data(),
                       parsed.idempotency_key], separators=(",", ":"))


def parsed_from(text: str) -> ParsedLine:
    """The line ``checked_text`` wrote, rebuilt without validating it again."""
    type_, person_id, provider_id, staff_id, occurred_at, data, key = json.loads(text)
    occurrence = Occurrence.checked(intern(type_), datetime.fromisoformat(occurred_at),
                                    intern(provider_id), intern(staff_id), shared(data))
    return assembled(ParsedLine, {"occurrence": occurrence, "idempotency_key": key,
                                  "person_id": None if person_id is None else UUID(person_id)})


def settled(line: EventLine, payload: Payload) -> ParsedLine:
    """The line ``parsed_from(checked_text(parse_line(...)))`` answers, from what ``checked_line``
    checked, without the text between nor the models ``parse_line`` validates again: the same
    fields, data and instant (read back from its ISO text), short texts interned."""
    occurrence = Occurrence.checked(intern(line.type),
                                    datetime.fromisoformat(line.occurred_at.isoformat()),
                                    intern(line.provider_id), intern(line.staff_id),
                                    shared(payload_data(payload)))
    return assembled(ParsedLine, {"occurrence": occurrence, "idempotency_key": line.idempotency_key,
                                  "person_id": line.person_id})


def shared(data: dict[str, Any]) -> dict[str, Any]:
    """The data with its field names and short texts (codes, ids) interned, as validation
    leaves them: a story kept in memory then shares them rather than holding copies."""
    return {intern(name): intern(value) if isinstance(value, str) and len(value) <= SHORT else value
            for name, value in data.items()}


def verdict(number: int, raw: bytes) -> Verdict | None:
    """One line's verdict; None for a blank line (skipped, as the import skips it)."""
    if not raw.strip():
        return None
    try:
        return number, checked_text(parse_line(raw)), True
    except LedgerError as refusal:
        return number, refusal.message, False
    except UnicodeDecodeError:
        return number, "line: not valid UTF-8", False


def checked_chunk(first: int, chunk: bytes) -> list[Verdict]:
    """The verdicts of consecutive lines (numbered from ``first``, each ending in a newline but
    perhaps the last), in order: run in a worker process, to which one string of bytes is
    cheaper to send than many."""
    lines = chunk.split(b"\n")
    if chunk.endswith(b"\n"):
        lines.pop()
    return [found for number, raw in enumerate(lines, start=first)
            if (found := verdict(number, raw)) is not None]


def decided_chunk(first: int, lines: list[bytes]) -> list[Decided]:
    """``checked_chunk``'s lines decided in this process: each validated line as ``settled``
    leaves it, each refused one with its reason, blank ones skipped."""
    found: list[Decided] = []
    for number, raw in enumerate(lines, start=first):
        if not raw.strip():
            continue
        try:
            found.append((number, settled(*checked_line(raw))))
        except LedgerError as refusal:
            found.append((number, refusal.message))
        except UnicodeDecodeError:
            found.append((number, "line: not valid UTF-8"))
    return found


def decided(verdicts: list[Verdict]) -> list[Decided]:
    """A worker's verdicts, each valid line rebuilt (``parsed_from``)."""
    return [(number, parsed_from(text) if valid else text) for number, text, valid in verdicts]


def leave_with(parent: int) -> None:
    """In a worker process: exit as soon as the process that started it has gone (even killed)."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)
    threading.Thread(target=watch, name="importer-watch", daemon=True).start()
