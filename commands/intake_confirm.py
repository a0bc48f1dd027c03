"""Hub staff confirm a self-referral: only now does it write into a story.

Either a new story starts (the registration from the request's details, which staff may complete
with a birth date or NHS number they checked with the person), or, for someone who already has
a story, a relationship claim with proof (the rules of ``commands.relationship_claims``) opens
it. Then, in the same save, the request becomes a contact on the ``web`` channel and a referral
to the Hub, both dated when the person asked and both named by the request's reference (so a
request confirmed twice is refused by the story, never recorded twice).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import uuid5

from eventsourcing.persistence import IntegrityError

from commands.application import Ledger
from commands.intake import Intake, details_of
from commands.receipts import Receipt
from ledger.catalogue import Occurrence
from ledger.errors import InvalidEvent, NotPermitted
from ledger.event_lines import occurrence_of
from ledger.intake import SelfReferral
from ledger.self_referral import SelfReferralDetails
from ledger.story import PersonStory

HUB = "hub"


def check_hub(ledger: Ledger, provider_id: str) -> None:
    """Only the Hub's staff take self-referrals in (403 for other providers)."""
    if ledger.service_of(provider_id) != HUB:
        raise NotPermitted("provider_id: only the Hub takes self-referrals in", "provider_id")


def arrival(request: SelfReferral, details: SelfReferralDetails, provider_id: str,
            staff_id: str) -> list[Occurrence]:
    """The request as a contact on the web channel and a referral to the Hub."""
    when = request.created_on
    contact: dict[str, Any] = {"contact_id": request.reference, "channel": "web", "attendance": "attended",
               "purpose": "drop_in", "duration_minutes": 0}
    said = [f"What matters to them: {details.what_matters}" if details.what_matters else "",
            f"When to reach them: {details.best_time}" if details.best_time else ""]
    if any(said):
        contact["summary"] = "\n".join(line for line in said if line)
    referral: dict[str, Any] = {"referral_id": request.reference, "to_provider_id": provider_id,
                "priority": "urgent" if details.in_crisis else "routine", "source": details.source,
                "needs": [], "reason": details.what_is_going_on + referred_by(details)}
    return [occurrence_of("ContactRecorded", when, provider_id, staff_id, contact),
            occurrence_of("ReferralMade", when, provider_id, staff_id, referral)]


def referred_by(details: SelfReferralDetails) -> str:
    """Who referred the person, and how to reach them, for the referral's (sealed) reason."""
    if details.referrer == "self":
        return ""
    reach = ", ".join(v for v in (details.referrer_phone, details.referrer_email) if v)
    return (f"\n\nReferred by {details.referrer_name} ({details.referrer.replace('_', ' ')})"
            f"{', ' + reach if reach else ''}; the person agreed to this referral.")


def into_new_story(ledger: Ledger, intake: Intake, reference: str, occurred_at: datetime,
                   provider_id: str, staff_id: str, birth_date: date | None,
                   nhs_number: str | None) -> Receipt:
    """Start a story from the request, with its contact and referral; confirm it in the intake."""
    check_hub(ledger, provider_id)
    request = intake.request(reference)
    details = _details(request)
    born = birth_date or details.birth_date
    if born is None:
        raise InvalidEvent("birth_date: the request gives none; ask the person", "birth_date")
    person = {"given_name": details.given_name, "family_name": details.family_name,
              "birth_date": born.isoformat(), "nhs_number": nhs_number or details.nhs_number,
              "phone": details.phone, "email": details.email}
    registration = occurrence_of("PersonRegistered", occurred_at, provider_id, staff_id,
                                 {k: v for k, v in person.items() if v is not None})
    person_id = uuid5(request.id, "story")
    ledger.check_registration(person_id, registration)
    story = PersonStory.register(person_id, registration, ledger.clock())
    for entry in arrival(request, details, provider_id, staff_id):
        story.record(entry, ledger.clock())
    try:
        recordings = ledger.save(story, *ledger.claims_for(person_id, registration))
    except IntegrityError:
        raise ledger.registration_conflict(person_id, registration) from None
    intake.confirm(request, person_id, "new_story", provider_id, staff_id)
    return Receipt(person_id, story.version, recordings[-1].notification.id)


def into_claimed_story(ledger: Ledger, intake: Intake, reference: str, claim: Occurrence,
                       nhs_number: str | None, birth_date: date | None) -> Receipt:
    """Claim the person's existing story with proof, add the contact and referral to it, and
    confirm the request in the intake."""
    check_hub(ledger, claim.provider_id)
    request = intake.request(reference)
    details = _details(request)
    number, born = nhs_number or details.nhs_number, birth_date or details.birth_date
    if number is None or born is None:
        field = "nhs_number" if number is None else "birth_date"
        raise InvalidEvent(f"{field}: needed to prove whose story it is; ask the person", field)
    entries = arrival(request, details, claim.provider_id, claim.staff_id)
    receipt = ledger.claim_relationship(number, born, claim, then=entries)
    assert receipt.person_id is not None
    intake.confirm(request, receipt.person_id, "relationship_claim", claim.provider_id,
                   claim.staff_id)
    return receipt


def _details(request: SelfReferral) -> SelfReferralDetails:
    details = details_of(request)
    if details is None:
        raise InvalidEvent("reference: this request's details were erased", "reference")
    return details

