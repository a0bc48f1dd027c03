"""A team's waiting list for first appointments, worked through at the team's daily capacity."""

from __future__ import annotations

from collections import deque
from collections.abc import Generator

from simulation.borough import Borough, Journey
from simulation.clock import MINUTES_PER_DAY, is_working_day
from simulation.parameters import TeamParameters

TRANSFERRED = -1
"""Sent instead of an appointment when the Hub takes a waiting person on at the switch."""



class Entry:
    """One referral on the list: its journey, whether it still waits, the slots it will take."""

    __slots__ = ("journey", "slots", "waiting")

    def __init__(self, journey: Journey, slots: float) -> None:
        self.journey = journey
        self.slots = slots
        self.waiting = True


class WaitingList:
    """Referrals wait here, urgent ones first, until a slot frees; some give up waiting.

    Each working morning the team offers today's slots to the people at the head of the list,
    each for an appointment a few working days ahead. When referrals come faster than slots,
    the list and the wait grow until people give up as fast as the excess arrives. A referral
    whose story came with it (from the Hub) takes a shorter first appointment.
    """

    def __init__(self, borough: Borough, team: TeamParameters) -> None:
        self._borough = borough
        self._team = team
        self._slots = team.slots_per_day * borough.scale
        self._credit = 0.0
        self.urgent: deque[Entry] = deque()
        self.routine: deque[Entry] = deque()

    def wait(self, urgent: bool, shared: bool = False
             ) -> Generator[int | None, int | None, int | None]:
        """Join the list; returns the appointment instant, None on giving up, or TRANSFERRED."""
        borough = self._borough
        assert borough.current is not None
        entry = Entry(borough.current, self._team.shared_story_slot if shared else 1.0)
        (self.urgent if urgent else self.routine).append(entry)
        patience = self._team.patience_days
        if patience is not None:
            days = borough.rng.expovariate(1.0 / patience)
            borough.call_at(borough.now + int(days * MINUTES_PER_DAY), lambda: self._give_up(entry))
        offered = yield None
        return offered

    def _give_up(self, entry: Entry) -> None:
        """The person stops waiting, unless they have already been offered a slot."""
        if entry.waiting:
            self._leave(entry, None)

    def _leave(self, entry: Entry, value: int | None) -> None:
        """Take an entry off the list and wake its journey with a value."""
        entry.waiting = False
        self._borough.begin(entry.journey, self._borough.now, value)

    def work(self) -> Journey:
        """Every working morning, offer the day's slots to the head of the list."""
        borough = self._borough
        clock, lead = borough.clock, self._team.booking_lead_days
        day = clock.day_of(borough.now)
        while True:
            day += 1
            if not is_working_day(day):
                continue
            yield clock.at(day, 480)
            self._credit += self._slots
            for queue in (self.urgent, self.routine):
                while queue and (not queue[0].waiting or self._credit >= queue[0].slots):
                    entry = queue.popleft()
                    if entry.waiting:
                        self._credit -= entry.slots
                        self._leave(entry, borough.later(*lead))
                if queue:
                    break
            if not (self.urgent or self.routine):
                self._credit = min(self._credit, self._slots)

    def review(self, share: float) -> None:
        """The Hub reviews the routine list and takes on a share of those still waiting."""
        rng = self._borough.rng
        for entry in self.routine:
            if entry.waiting and rng.random() < share:
                self._leave(entry, TRANSFERRED)
