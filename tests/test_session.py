"""A new session carries the shopper's context over but not a proven order (actions/session.py)."""

from __future__ import annotations

from pathlib import Path

import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.session import ActionSessionStart
from tests.conftest import ROOT

DOMAIN = yaml.safe_load(Path(ROOT / "domain.yml").read_text(encoding="utf-8"))


def test_new_session_keeps_the_context_and_drops_the_proof():
    slots = {name: None for name in DOMAIN["slots"]} | {
        "language": "en", "shown_products": ["trailrunner-gtx"], "shipping_country": "AT",
        "order_number": "100234", "order_contact": "10115", "order_verified": "100234", "order_proof_at": 1.0e9,
        "return_items": [1], "cancel_confirm": True, "pending_offer": "return", "requested_slot": "order_contact",
    }  # fmt: skip
    tracker = Tracker("s", slots, {}, [], False, None, {}, "action_listen")
    events = ActionSessionStart().run(CollectingDispatcher(), tracker, DOMAIN)
    assert events[0]["event"] == "session_started"
    assert (events[-1]["event"], events[-1]["name"]) == ("action", "action_listen")
    carried = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert carried == {"language": "en", "shown_products": ["trailrunner-gtx"], "shipping_country": "AT"}
    assert "action_session_start" in DOMAIN["actions"]  # Rasa runs ours only when the domain names it
