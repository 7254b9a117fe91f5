"""A new conversation session (Rasa's `action_session_start`, after `session_expiration_time`
idle minutes or a restart): the shopper's context (language, products shown, shipping country,
size) carries over, a proven order and its task do not, so the next person on a shared device
must prove the order again."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

# the proof, the order task's slots, the form's question and an offer tied to an order
NOT_CARRIED = re.compile(r"^(order_|return_|exchange_|cancel_)|^(requested_slot|pending_offer)$")


class ActionSessionStart(Action):
    def name(self) -> str:
        return "action_session_start"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        events: list[EventType] = [SessionStarted()]
        if (domain.get("session_config") or {}).get("carry_over_slots_to_new_session", True):
            events += [SlotSet(name, value) for name, value in tracker.current_slot_values().items()
                       if value is not None and not NOT_CARRIED.search(name)]  # fmt: skip
        return [*events, ActionExecuted("action_listen")]
