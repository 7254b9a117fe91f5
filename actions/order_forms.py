"""The form-validation base class of every order form (proof first, then the task's slots),
yes/no confirmations and the verification form."""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.context import text_of
from actions.order_common import (
    ALL_TASK_SLOTS,
    INTERRUPTIONS,
    OWN_INTENTS,
    PROOF,
    TASK_SLOTS,
    Events,
    intent_of,
    reply,
    tracker_language,
    yes_no_buttons,
)
from actions.order_proof import FORGET_PROOF, attempt, lock, proof_expired, verified_order
from actions.texts import say
from orders import parse
from orders.api import Order


class OrderFormValidation(FormValidationAction, ABC):
    """Proof first, then the task's slots (`task_slots`), for each order form."""

    @abstractmethod
    def name(self) -> str:
        """validate_<form name>"""

    def form(self) -> str:
        return self.name().replace("validate_", "", 1)

    def task_slots(self, order: Order, tracker: Tracker) -> list[str]:
        return TASK_SLOTS[self.form()]

    def after_proof(self, order: Order, tracker: Tracker) -> dict[str, Any]:
        """Task slots the first message already answered ("return the jacket")."""
        return {}

    async def required_slots(self, domain_slots, dispatcher, tracker, domain):  # noqa: ANN001
        if lock(tracker):
            return []  # the form ends; the submit action explains the lock-out
        order = verified_order(tracker)
        if order is None:
            return list(PROOF)
        return PROOF + self.task_slots(order, tracker)

    async def next_requested_slot(self, dispatcher, tracker, domain):  # noqa: ANN001
        """Always decided here (rasa-sdk leaves it to Rasa when the list equals the domain's)."""
        required = await self.required_slots(self.domain_slots(domain), dispatcher, tracker, domain)
        return SlotSet("requested_slot", next((s for s in required if tracker.slots.get(s) is None), None))

    async def run(self, dispatcher, tracker, domain):  # noqa: ANN001
        # no other slot events here: a run that sets nothing lets Rasa reject the form (interruptions)
        events: Events = []
        if tracker.get_slot("requested_slot") is None:  # the form starts: forget an earlier task
            for slot in ALL_TASK_SLOTS:
                if tracker.get_slot(slot) is not None:
                    events.append(SlotSet(slot, None))
                    tracker.slots[slot] = None
        if proof_expired(tracker) and intent_of(tracker) not in INTERRUPTIONS - set(OWN_INTENTS[self.form()]):
            events += [SlotSet(k, v) for k, v in FORGET_PROOF.items()]  # unused too long: prove it again
            tracker.slots.update(FORGET_PROOF)
        return events + await super().run(dispatcher, tracker, domain)

    def _reading_proof(self, tracker: Tracker) -> bool:
        """Order number and contact are read at the start and while the form asks for them
        (not from a question in between; "where's my order 100235?" in the status form is read)."""
        requested = tracker.get_slot("requested_slot")
        if requested is not None and intent_of(tracker) in INTERRUPTIONS - set(OWN_INTENTS[self.form()]):
            return False
        return requested in (None, *PROOF)

    def extract_order_number(self, dispatcher, tracker, domain) -> dict:  # noqa: ANN001
        if not self._reading_proof(tracker):
            return {}
        number = parse.parse(text_of(tracker)).order_number
        return {"order_number": number} if number and number != tracker.get_slot("order_number") else {}

    def extract_order_contact(self, dispatcher, tracker, domain) -> dict:  # noqa: ANN001
        if not self._reading_proof(tracker):
            return {}
        info = parse.parse(text_of(tracker), expect="contact" if tracker.get_slot("requested_slot") == "order_contact" else None)
        contact = info.contact
        return {"order_contact": contact} if contact and contact != tracker.get_slot("order_contact") else {}

    def validate_order_number(self, value, dispatcher, tracker, domain) -> dict:  # noqa: ANN001
        lang = tracker_language(tracker)
        info = parse.parse(str(value or ""), expect="order_number")
        if info.order_number is None:
            if parse.NUMBER_LENGTH in info.problems:
                reply(dispatcher, say("bad_number_length", lang, digits=info.wrong_digits))
            elif parse.NUMBER_MISSING in info.problems:
                reply(dispatcher, say("bad_number_missing", lang))
            return {"order_number": None}
        result: dict[str, Any] = {"order_number": info.order_number}
        if info.order_number != tracker.get_slot("order_verified"):
            result["order_verified"] = None
        return result

    def validate_order_contact(self, value, dispatcher, tracker, domain) -> dict:  # noqa: ANN001
        lang = tracker_language(tracker)
        info = parse.parse(str(value or ""), expect="contact")
        if info.contact is None:
            if parse.EMAIL_INVALID in info.problems:
                reply(dispatcher, say("bad_email", lang))
            elif tracker.get_slot("requested_slot") == "order_contact" or tracker.get_slot("order_number"):
                reply(dispatcher, say("bad_contact_missing", lang))
            return {"order_contact": None}
        return {"order_contact": info.contact}

    async def get_validation_events(self, dispatcher, tracker, domain):  # noqa: ANN001
        """Each slot's own check (super), then the proof once both parts are known."""
        events = await super().get_validation_events(dispatcher, tracker, domain)
        changed = {e["name"] for e in events if e.get("event") == "slot"}
        if changed & set(PROOF):
            # a contact typed now (or just asked for), or one kept from another order (Rasa
            # re-sends the kept slots when a form starts): order_proof.attempt treats them apart
            fresh = tracker.get_slot("requested_slot") == "order_contact" or parse.parse(text_of(tracker)).contact is not None
            order, extra = attempt(dispatcher, tracker, tracker_language(tracker), fresh)
            if order is not None:
                extra.update(self.after_proof(order, tracker))
            tracker.slots.update(extra)
            events += [SlotSet(k, v) for k, v in extra.items()]
        return events


def _confirmation(value: Any, tracker: Tracker) -> bool | None:
    if isinstance(value, bool):
        return value
    intent = intent_of(tracker)
    if intent in ("affirm", "deny"):
        return intent == "affirm"
    text = str(value or "").lower()
    if re.search(r"\b(ja|jawohl|gerne?|genau|ok(ay)?|klar|yes|yeah|yep|sure|please do|go ahead|mach das)\b", text):
        return True
    if re.search(r"\b(nein|nee|lieber nicht|doch nicht|no|nope|don't|do not)\b", text):
        return False
    return None


def validate_confirmation(slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker) -> dict:
    answer = _confirmation(value, tracker)
    if answer is None:
        lang = tracker_language(tracker)
        reply(dispatcher, say("yes_or_no", lang), buttons=yes_no_buttons(lang))
    return {slot: answer}


class ValidateOrderVerificationForm(OrderFormValidation):
    def name(self) -> str:
        return "validate_order_verification_form"
