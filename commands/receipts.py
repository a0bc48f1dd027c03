"""What a command answers: the story's id, its new version and the event's place in the log."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any
from uuid import UUID


@dataclass(frozen=True)
class Receipt:
    """The answer to a write: which story, at which version, at which log position."""

    person_id: UUID | None
    version: int
    position: int
    repeated: bool = False

    def as_answer(self) -> dict[str, Any]:
        """The receipt as JSON natives, as kept for idempotent repeats."""
        answer = asdict(self)
        answer.pop("repeated")
        answer["person_id"] = str(self.person_id) if self.person_id else None
        return answer

    @classmethod
    def from_answer(cls, answer: dict[str, Any]) -> Receipt:
        """The receipt kept under an idempotency key."""
        person_id = UUID(answer["person_id"]) if answer.get("person_id") else None
        return cls(person_id=person_id, version=answer["version"], position=answer["position"])
