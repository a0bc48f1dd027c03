"""Closed enumerations of event catalogue v1: anything outside them is refused."""

from __future__ import annotations

from typing import Literal

Need = Literal[
    "mental_health", "physical_health", "housing", "debt", "benefits",
    "employment", "isolation", "substance_use", "caring",
]
ConsentScope = Literal["share_with_network", "research"]
Channel = Literal[
    "face_to_face", "telephone", "video", "talk_type", "email", "sms", "web_chat", "web"
]
Attendance = Literal[
    "attended", "did_not_attend", "cancelled_by_person", "cancelled_by_provider", "late_not_seen"
]
Purpose = Literal["drop_in", "assessment", "intervention", "review", "crisis"]
Risk = Literal["low", "medium", "high"]
Priority = Literal["routine", "urgent", "very_urgent", "emergency"]
ReferralSource = Literal[
    "self", "gp", "hub", "network", "secondary", "police", "housing", "family", "other"
]
ClosureReason = Literal[
    "treatment_complete", "moved_away", "declined_by_person", "no_contact", "transferred"
]
GoalStatus = Literal["not_started", "in_progress", "achieved", "dropped"]
WardType = Literal["acute", "rehab", "psychiatric_intensive_care", "crisis_house"]
Destination = Literal[
    "own_home", "supported_housing", "family", "care_home", "another_ward", "other"
]
Tier = Literal["primary", "community", "secondary", "inpatient"]
Service = Literal[
    "hub", "gp", "housing", "debt", "employment", "benefits", "peer_support", "cmht",
    "home_treatment", "psychosis", "rehab_ward", "acute_ward", "supported_housing", "other",
]

# The words the figures' definitions turn on, named once (mypy checks each against its Literal).
DIRECT_CHANNELS: frozenset[Channel] = frozenset({"face_to_face", "telephone", "video", "talk_type"})
ATTENDED: Attendance = "attended"
COMMUNITY_DESTINATIONS: frozenset[Destination] = frozenset({"own_home", "supported_housing", "family"})
REHAB_WARD: WardType = "rehab"
SECONDARY_TIER: Tier = "secondary"
# The Network: community providers that resolve what triggers ill health; a refusal to share
# with the Network keeps them to their own entries.
NETWORK_SERVICES: frozenset[Service] = frozenset({"housing", "debt", "employment", "benefits",
                                                  "peer_support"})
