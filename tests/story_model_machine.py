"""A Hypothesis state machine that drives the API through random valid and invalid commands
against a model of what every story should hold (shared by the in-process and served runs)."""

from __future__ import annotations

import uuid
from typing import Any

from api_journeys import bearer, contact, registration
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, consumes, invariant, rule

HUB, ANALYST = bearer("provider", "hub"), bearer("analyst")
COMMISSIONER = bearer("commissioner")
RETRACTION = "EventRetracted"


class StoryModel(RuleBasedStateMachine):
    """Each story is a list of entries: ("contact", id, retracted) after the registration."""

    client: Any = None  # set by the test: a TestClient or an httpx.Client on a served ledger
    people = Bundle("people")
    sent_keys = Bundle("sent_keys")

    def __init__(self) -> None:
        super().__init__()
        self.run = uuid.uuid4().hex[:8]
        self.stories: dict[str, list[dict[str, Any]]] = {}
        self.server_errors = 0
        self.serial = 0
        # a staff member of its own per journey: a stranger's refused reads are limited per
        # staff member (``LEDGER_REFUSED_READ_LIMIT``), and a journey has fewer steps than that
        self.gp = bearer("provider", "gp-1", staff=f"gp-{self.run}")

    def _fresh(self, prefix: str) -> str:
        self.serial += 1
        return f"{prefix}-{self.run}-{self.serial}"

    def _post(self, path: str, body: dict[str, Any], headers: dict[str, str]) -> Any:
        answer = self.client.post(path, json=body, headers=headers)
        self.server_errors += answer.status_code >= 500
        return answer

    def _check(self, person: str) -> None:
        """The stored story equals the model: versions, types, contact ids and retractions."""
        answer = self.client.get(f"/people/{person}/story", headers=ANALYST)
        assert answer.status_code == 200, answer.text
        stored = [(e["version"], e["data"].get("contact_id"), e["retracted"])
                  for e in answer.json()["events"] if e["type"] == "ContactRecorded"]
        expected = [(n + 2, e["id"], e["retracted"]) for n, e in enumerate(self.stories[person])
                    if e["kind"] == "contact"]
        assert stored == expected
        assert answer.json()["version"] == len(self.stories[person]) + 1

    @rule(target=people)
    def register(self) -> str:
        answer = self._post("/people", registration(None), HUB)
        assert answer.status_code == 201, answer.text
        person = str(answer.json()["person_id"])
        self.stories[person] = []
        return person

    @rule(target=sent_keys, person=people, keyed=st.booleans())
    def append_contact(self, person: str, keyed: bool) -> tuple[str, str, dict[str, Any], int]:
        cid, key = self._fresh("c"), self._fresh("k")
        headers = {**HUB, "Idempotency-Key": key} if keyed else HUB
        answer = self._post(f"/people/{person}/events", contact(cid), headers)
        self.stories[person].append({"kind": "contact", "id": cid, "retracted": False})
        assert (answer.status_code, answer.json()) == (201, {"version": len(self.stories[person]) + 1})
        self._check(person)
        return person, key if keyed else "", contact(cid), len(self.stories[person]) + 1

    @rule(person=people, change=st.sampled_from([{"duration_minutes": -5}, {"channel": "pigeon"},
                                                   {"attendance": None}]))
    def append_invalid_contact(self, person: str, change: dict[str, Any]) -> None:
        answer = self._post(f"/people/{person}/events", contact(self._fresh("c"), **change), HUB)
        assert answer.status_code == 422, answer.text
        self._check(person)

    @rule(person=people, stale=st.booleans())
    def append_with_if_match(self, person: str, stale: bool) -> None:
        version = len(self.stories[person]) + 1 - (1 if stale else 0)
        cid = self._fresh("c")
        answer = self._post(f"/people/{person}/events", contact(cid), {**HUB, "If-Match": f'"{version}"'})
        if stale:
            assert answer.status_code == 412, answer.text
        else:
            assert answer.status_code == 201, answer.text
            self.stories[person].append({"kind": "contact", "id": cid, "retracted": False})
        self._check(person)

    @rule(sent=sent_keys)
    def repeat_keyed_request(self, sent: tuple[str, str, dict[str, Any], int]) -> None:
        person, key, body, version = sent
        fresh = key or self._fresh("k")  # one shared "none" was reused across people: 409, not 422
        answer = self._post(f"/people/{person}/events", body, {**HUB, "Idempotency-Key": fresh})
        if key:
            assert (answer.status_code, answer.json()) == (201, {"version": version})
        elif any(e["id"] == body["data"]["contact_id"] and not e["retracted"]
                 for e in self.stories[person]):  # a fresh request under a new key: a duplicate
            assert answer.status_code == 422, answer.text
        else:  # its contact was retracted since, so the id is free again (docs/events.md)
            assert answer.status_code == 201, answer.text
            self.stories[person].append({"kind": "contact", "id": body["data"]["contact_id"],
                                         "retracted": False})
        self._check(person)

    @rule(sent=consumes(sent_keys))
    def reuse_a_key_for_another_request(self, sent: tuple[str, str, dict[str, Any], int]) -> None:
        person, key, _, _ = sent
        if key:
            answer = self._post(f"/people/{person}/events", contact(self._fresh("c")),
                                {**HUB, "Idempotency-Key": key})
            assert answer.status_code == 409, answer.text
            self._check(person)

    @rule(person=people, data=st.data())
    def retract(self, person: str, data: st.DataObject) -> None:
        story = self.stories[person]
        version = data.draw(st.integers(1, len(story) + 2), label="version")
        body = {"type": RETRACTION, "occurred_at": "2024-03-02T10:00:00+00:00",
                "data": {"version": version, "reason": "entered in error"}}
        answer = self._post(f"/people/{person}/events", body, HUB)
        target = story[version - 2] if 2 <= version <= len(story) + 1 else None
        if target is not None and target["kind"] == "contact" and not target["retracted"]:
            assert answer.status_code == 201, answer.text
            target["retracted"] = True
            story.append({"kind": "retraction", "id": None, "retracted": False})
        else:
            assert answer.status_code == 422, answer.text
        self._check(person)

    @rule(person=people, reader=st.sampled_from(["hub", "analyst", "gp-1", "commissioner"]))
    def read(self, person: str, reader: str) -> None:
        headers = {"hub": HUB, "analyst": ANALYST, "gp-1": self.gp, "commissioner": COMMISSIONER}[reader]
        answer = self.client.get(f"/people/{person}/story", headers=headers)
        expected = {"hub": 200, "analyst": 200, "gp-1": 404, "commissioner": 403}[reader]
        assert answer.status_code == expected, answer.text

    @invariant()
    def no_server_error(self) -> None:
        assert self.server_errors == 0
