"""Domain errors: every refusal of the ledger names the field at fault and why."""

from __future__ import annotations


class LedgerError(Exception):
    """A command the ledger refuses; ``field`` names the part of the input at fault."""

    def __init__(self, message: str, field: str = "data") -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class InvalidEvent(LedgerError):
    """The event breaks a rule of the catalogue (a guard refused it)."""


class UnknownPerson(LedgerError):
    """No story exists for the person named."""


class UnknownProvider(LedgerError):
    """The provider named is not in the directory."""


class DuplicatePerson(LedgerError):
    """A story already exists: the same person id or the same NHS number."""

    def __init__(self, message: str, field: str, existing_person_id: str) -> None:
        super().__init__(message, field)
        self.existing_person_id = existing_person_id


class DuplicateProvider(LedgerError):
    """The provider code is already registered."""


class StoryMovedOn(LedgerError):
    """The caller's expected version is not the story's current version."""


class ConcurrentWrite(LedgerError):
    """Another writer appended to the story first; reload and try again."""


class IdempotencyKeyReused(LedgerError):
    """An idempotency key was sent again with a different request."""


class NotPermitted(LedgerError):
    """The caller's provider may not do this at all (not a matter of this story's facts)."""


class TooManyAttempts(LedgerError):
    """Too many failed attempts of this kind lately: wait before trying again."""

    retry_after = 600  # seconds, as the answer's ``Retry-After`` says


class TooManyRefusedReads(TooManyAttempts):
    """A reader's story reads were refused too often within the window: wait until it ends."""

    def __init__(self, message: str, field: str, retry_after: int) -> None:
        super().__init__(message, field)
        self.retry_after = retry_after


class ErasureNotRequested(LedgerError):
    """An erasure was approved, but no administrator has requested it (or it is done already)."""
