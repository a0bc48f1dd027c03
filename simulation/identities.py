"""Made-up identifying details: person ids, NHS numbers from the unissued 9 range, names, postcodes."""

from __future__ import annotations

import uuid

from simulation.chance import Chance

GIVEN_NAMES = (
    "Ada", "Amara", "Aisha", "Ben", "Bola", "Chen", "Chloe", "Daniel", "Dev", "Ebony", "Elif",
    "Femi", "Grace", "Hassan", "Ines", "Jamal", "Joy", "Kai", "Kwame", "Lena", "Leon", "Maya",
    "Mo", "Nadia", "Noah", "Olu", "Priya", "Rosa", "Sam", "Sana", "Tariq", "Tess", "Uma", "Yusuf",
)
FAMILY_NAMES = (
    "Example", "Adeyemi", "Ahmed", "Baker", "Campbell", "Costa", "Da Silva", "Evans", "Francis",
    "Green", "Hughes", "Ibrahim", "Jones", "Kowalski", "Lewis", "Mensah", "Murphy", "Nguyen",
    "Okafor", "Patel", "Quinn", "Reid", "Santos", "Smith", "Taylor", "Walker", "Williams", "Zhang",
)
DISTRICTS = ("SE1", "SE5", "SE11", "SE21", "SE24", "SE27", "SW2", "SW4", "SW8", "SW9", "SW16")
_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
_WEIGHTS = (10, 9, 8, 7, 6, 5, 4, 3, 2)
_SPAN = 100_000_000  # nine-digit bases from 900000000 to 999999999: never issued in England


def check_digit(base: str) -> int | None:
    """The modulus-11 check digit of nine digits, or None when the base has no valid one."""
    total = sum(int(digit) * weight for digit, weight in zip(base, _WEIGHTS, strict=True))
    check = 11 - total % 11
    return None if check == 10 else check % 11


class Identities:
    """Issues person ids and unique NHS numbers, deterministic from the borough's random stream."""

    def __init__(self, rng: Chance) -> None:
        self._rng = rng
        self._issued = 0
        self._stride = 48_271 * 2 + 1  # odd and not a multiple of 5: a bijection modulo 10**8
        self._shift = rng.below(_SPAN)

    def person_id(self) -> str:
        """A random version 4 UUID."""
        return str(uuid.UUID(int=self._rng.getrandbits(128), version=4))

    def nhs_number(self) -> str:
        """The next NHS number: never the same one twice in a run."""
        while True:
            base = str(999_999_999 - (self._issued * self._stride + self._shift) % _SPAN)
            self._issued += 1
            check = check_digit(base)
            if check is not None:
                return f"{base}{check}"

    def name(self) -> tuple[str, str]:
        """A made-up given and family name."""
        return self._rng.pick(GIVEN_NAMES), self._rng.pick(FAMILY_NAMES)

    def postcode(self) -> str:
        """A made-up Lambeth postcode."""
        rng = self._rng
        return f"{rng.pick(DISTRICTS)} {rng.between(1, 9)}{rng.pick(_LETTERS)}{rng.pick(_LETTERS)}"
