"""Referrals as the care records know them: made by a sender, answered by the receiving provider."""

from __future__ import annotations

import json

from simulation.care_records import CareRecords
from simulation.recording import Written
from simulation.story import Story


class ReferralRecords(CareRecords):
    """Adds the referral events: made, accepted, declined and closed."""

    def referral_made(self, story: Story, sender: str, staff: str, to: str, priority: str,
                      source: str, reason: str | None = None, at: int | None = None) -> str:
        """A referral received by `to` from `sender`; returns its id."""
        referral_id = story.next_referral()
        why = f', "reason": {json.dumps(reason)}' if reason else ""
        data = (f'{{"referral_id": "{referral_id}", "to_provider_id": "{to}", '
                f'"priority": "{priority}", "source": "{source}", '
                f'"needs": {story.needs_json}{why}}}')
        self.event("ReferralMade", story, sender, staff, data, at)
        return referral_id

    def accepted(self, story: Story, provider: str, staff: str, referral_id: str,
                 at: int | None = None) -> None:
        """The receiving provider takes the referral on."""
        self.event("ReferralAccepted", story, provider, staff,
                   f'{{"referral_id": "{referral_id}"}}', at)

    def declined(self, story: Story, provider: str, staff: str, referral_id: str, reason: str,
                 signposted_to: str | None = None, keep: bool = False) -> Written | None:
        """The receiving provider declines the referral, perhaps pointing elsewhere."""
        to = f', "signposted_to_provider_id": "{signposted_to}"' if signposted_to else ""
        data = f'{{"referral_id": "{referral_id}", "reason": {json.dumps(reason)}{to}}}'
        return self.event("ReferralDeclined", story, provider, staff, data, keep=keep)

    def closed(self, story: Story, provider: str, staff: str, referral_id: str,
               reason: str) -> None:
        """The receiving provider closes an accepted referral."""
        self.event("ReferralClosed", story, provider, staff,
                   f'{{"referral_id": "{referral_id}", "reason": "{reason}"}}')
