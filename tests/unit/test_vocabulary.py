"""The words the figures turn on are the catalogue's own, named once in the vocabulary."""

from __future__ import annotations

from typing import get_args

from ledger import vocabulary as v


def test_direct_channels_are_channels() -> None:
    """Every direct channel is a channel of the catalogue."""
    assert v.DIRECT_CHANNELS.issubset(get_args(v.Channel))


def test_community_destinations_are_destinations() -> None:
    """Every home in the community is a discharge destination of the catalogue."""
    assert v.COMMUNITY_DESTINATIONS.issubset(get_args(v.Destination))


def test_single_words_belong_to_their_enumerations() -> None:
    """Attended, the rehab ward and the secondary tier are words of their enumerations."""
    assert v.ATTENDED in get_args(v.Attendance)
    assert v.REHAB_WARD in get_args(v.WardType)
    assert v.SECONDARY_TIER in get_args(v.Tier)
