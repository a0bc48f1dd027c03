"""A self-referral as the public front door takes it: who it is for, who asks, what is going on.

Anyone may ask the Hub for help, for themselves or, as a family member, carer or professional,
for someone else who agreed to it. Every field is checked here, before anything is kept: names
are letters, free text has no control or direction-override characters, a phone number and an
email address look like one, and someone else's request says that the person agreed.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, StrictBool, StringConstraints

from ledger.errors import InvalidEvent
from ledger.values import BirthDate, Email, NhsNumber, Phone, check_born_by
from ledger.vocabulary import ReferralSource

Referrer = Literal["self", "family", "carer", "friend", "police", "housing", "school", "gp",
                   "social_care", "other_professional"]
SOURCE_OF: dict[str, ReferralSource] = {
    "self": "self", "family": "family", "carer": "family", "friend": "other", "police": "police",
    "housing": "housing", "school": "other", "gp": "gp", "social_care": "other",
    "other_professional": "other"}
_NAME = re.compile(r"^[^\W\d_]+(?:[ '\u2019.-]{1,2}[^\W\d_]+)*\.?$")
_HOSTILE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
EARLIEST_BIRTH = date(1900, 1, 1)


def plain_name(value: str) -> str:
    """A person's name: letters, with single spaces, hyphens, apostrophes or dots between."""
    if not _NAME.match(value):
        raise ValueError("a name is letters, with spaces, hyphens or apostrophes between them")
    return value


def plain_text(value: str) -> str:
    """Free text with no control, direction-override or unpaired surrogate characters."""
    if _HOSTILE.search(value):
        raise ValueError("text must not hold control or direction-override characters")
    if not value.strip():
        raise ValueError("text must not be blank")
    return value


Name = Annotated[str, StringConstraints(min_length=1, max_length=100), AfterValidator(plain_name)]
Words = Annotated[str, StringConstraints(min_length=1, max_length=4000), AfterValidator(plain_text)]
ShortWords = Annotated[str, StringConstraints(min_length=1, max_length=200), AfterValidator(plain_text)]


class SelfReferralDetails(BaseModel):
    """What the public form sends, once checked; kept sealed in the Hub's intake."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    referrer: Referrer = "self"
    referrer_name: Name | None = None
    referrer_phone: Phone | None = None
    referrer_email: Email | None = None
    agreed: StrictBool = False
    given_name: Name
    family_name: Name
    what_is_going_on: Words
    what_matters: Words | None = None
    phone: Phone | None = None
    email: Email | None = None
    best_time: ShortWords | None = None
    nhs_number: NhsNumber | None = None
    birth_date: BirthDate | None = None
    in_crisis: StrictBool = False

    def check_complete(self, now: datetime) -> None:
        """Refuse, naming the field, a request that cannot be acted on or was not agreed."""
        if self.phone is None and self.email is None:
            raise InvalidEvent("phone: give a phone number or an email address", "phone")
        if self.referrer != "self" and self.referrer_name is None:
            raise InvalidEvent("referrer_name: say who is making the referral", "referrer_name")
        if self.referrer != "self" and not self.agreed:
            raise InvalidEvent("agreed: the person must have agreed to this referral", "agreed")
        if self.birth_date is not None:
            try:
                check_born_by(self.birth_date, now)
            except ValueError as error:
                raise InvalidEvent(f"birth_date: {error}", "birth_date") from None
            if self.birth_date < EARLIEST_BIRTH:
                raise InvalidEvent("birth_date: before 1900", "birth_date")

    @property
    def source(self) -> ReferralSource:
        """The referral's source in the catalogue's words."""
        return SOURCE_OF[self.referrer]
