"""The simulated borough: a clock, journeys waiting to resume, teams' waiting lists, the records."""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator
from heapq import heappop, heappush
from typing import TYPE_CHECKING

from simulation.chance import Chance
from simulation.clock import LondonClock, working_days_after
from simulation.identities import Identities
from simulation.parameters import BoroughParameters
from simulation.recording import Recorder
from simulation.support_records import SupportRecords

if TYPE_CHECKING:
    from simulation.waiting_lists import WaitingList

Journey = Generator[int | None, int | None, None]
"""A person's path (or a team's routine): yields the instant to resume at, or None to wait to be
woken by a team; is sent the instant of an offered appointment (or None) when woken."""

Steps = Generator[int | None, int | None, bool]
"""Part of a journey that answers whether the journey goes on."""

WORKING_MINUTES = (540, 1020)
"""Appointments run from 09:00 to 17:00, London time."""


class Borough:
    """Runs every journey in instant order and writes out lines in recorded order."""

    def __init__(self, params: BoroughParameters, seed: int, days: tuple[int, int, int],
                 scale: float) -> None:
        self.params = params
        self.scale = scale
        self.rng = Chance(seed)
        self.clock = LondonClock()
        self.start, self.switch, self.end = (self.clock.at(day, 0) for day in days)
        self.last_release = self.end * 2  # lines recorded after the end too, unless cut at the end
        self.recorder = Recorder(self.start)
        self.records = SupportRecords(self.clock, self.recorder, self.rng, params.recording)
        self.identities = Identities(self.rng)
        self.now = self.records.now = self.start
        self.current: Journey | None = None
        self.lists: dict[str, WaitingList] = {}
        self._waiting: list[tuple[int, int, Journey, int | None]] = []
        self._sequence = 0
        self._staff = {p.provider_id: tuple(f"{p.provider_id}-s-{n}" for n in range(1, p.staff + 1))
                       for p in params.providers}
        self.practices = tuple(p.provider_id for p in params.providers if p.service == "gp")

    @property
    def opened(self) -> bool:
        """Whether the Hub, the Network and IPSA are open yet."""
        return self.now >= self.switch

    def begin(self, journey: Journey, at: int, value: int | None = None) -> None:
        """Start a journey at an instant (or resume one woken by a team, with a value)."""
        if at < self.now:
            raise ValueError("a journey cannot resume in the past")
        self._sequence += 1
        heappush(self._waiting, (at, self._sequence, journey, value))

    def call_at(self, at: int, action: Callable[[], None]) -> None:
        """Do something at an instant."""
        self.begin(_once(action), at)

    def staff(self, provider: str) -> str:
        """A member of the provider's staff."""
        team = self._staff[provider]
        return self.rng.pick(team)

    def later(self, fewest: int, most: int) -> int:
        """An instant during working hours, between `fewest` and `most` working days from today."""
        rng, clock = self.rng, self.clock
        day = working_days_after(clock.day_of(self.now), rng.between(fewest, most))
        start, end = WORKING_MINUTES
        at = clock.at(day, start + 5 * rng.below((end - start) // 5))
        return at if at > self.now else self.now + rng.between(5, 60)

    def run(self) -> Iterator[tuple[int, str]]:
        """Resume journeys in instant order until the end; yield lines (with the instant each was
        recorded at) once their time has passed."""
        waiting, recorder, records = self._waiting, self.recorder, self.records
        current, pending = recorder.current, recorder.pending
        while waiting and waiting[0][0] < self.end:
            at, _, journey, value = heappop(waiting)
            if at != self.now:
                self.now = records.now = at
                if current or (pending and pending[0][0] < at):
                    yield from recorder.release(at)
                else:
                    recorder.now = at
            self.current = journey
            try:
                resume = journey.send(value)
            except StopIteration:
                continue
            if resume is not None:
                if resume < at:
                    raise ValueError("a journey cannot resume in the past")
                self._sequence += 1
                heappush(waiting, (resume, self._sequence, journey, None))
        yield from recorder.release(self.last_release)


def _once(action: Callable[[], None]) -> Journey:
    """A journey of one step."""
    action()
    return
    yield
