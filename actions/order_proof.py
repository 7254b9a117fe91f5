"""Proving in a conversation that an order is the shopper's, with the limits of `store.yml`
`security:` (the rules are in README "Security"; the counting in `orders/throttle.py`).

- A postcode proves exactly the order it was given for; an e-mail address also proves that
  address's other orders ("and my other order?" needs no new proof).
- Every miss is recorded for the conversation, the client address and the order number, on
  every path (a kept e-mail address tried on another order number too).
- After a few failed postcodes for one order number it takes no postcode for a while: the
  shopper is asked for the e-mail address instead.
- A proof expires when unused for `proof_idle_minutes` (slot `order_proof_at`, refreshed on
  each use) and with the session (`actions/session.py`).
"""

from __future__ import annotations

import datetime as dt
import re
import time

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.context import catalog, client_address, orders
from actions.texts import say
from catalog.store import Security
from orders import parse
from orders.api import Order
from orders.throttle import EMAIL, POSTCODE
from orders.validation import InvalidInput

FORGET_PROOF = {"order_contact": None, "order_verified": None, "order_proof_at": None}


def security() -> Security:
    return catalog().config.security


def proof_kind(contact: str | None) -> str | None:
    info = parse.parse(contact or "", expect="contact")
    return EMAIL if info.email else POSTCODE if info.postcode else None


def prove(number: str | None, contact: str | None) -> Order | None:
    """The order when `contact` (e-mail or postcode) proves `number`; None otherwise."""
    if not number or not contact or not re.fullmatch(r"\d{6}", number):
        return None
    info = parse.parse(contact, expect="contact")
    try:
        if info.email:
            return orders().verify(number, email=info.email)
        if info.postcode:
            return orders().verify(number, postal_code=info.postcode)
    except InvalidInput:
        return None
    return None


def proof_fresh(tracker: Tracker, now: float | None = None) -> bool:
    at = tracker.get_slot("order_proof_at")
    if not isinstance(at, (int, float)) or isinstance(at, bool):
        return False
    return (now or time.time()) - at <= security().proof_idle_minutes * 60


def proof_expired(tracker: Tracker) -> bool:
    """An order was proven in this session, but the proof has not been used for too long."""
    return bool(tracker.get_slot("order_verified")) and not proof_fresh(tracker)


def verified_order(tracker: Tracker) -> Order | None:
    """The order proven in this conversation and still fresh (re-read, so the status is current)."""
    number = tracker.get_slot("order_verified")
    if not number or number != tracker.get_slot("order_number") or not proof_fresh(tracker):
        return None
    return prove(number, tracker.get_slot("order_contact"))


def touch(order: Order | None) -> list[EventType]:
    """The proof was used now: its idle time starts again."""
    return [SlotSet("order_proof_at", time.time())] if order is not None else []


def lock(tracker: Tracker) -> tuple[dt.datetime, str] | None:
    """(until when, "conversation" or "address") while proofs are refused; None otherwise."""
    backend = orders()
    own = backend.locked_until(tracker.sender_id)
    client = client_address(tracker)
    either = backend.locked_until(tracker.sender_id, client=client) if client else own
    if either is None:
        return None
    return either, ("conversation" if own is not None and own >= either else "address")


def postcode_refused(tracker: Tracker) -> bool:
    """The order number asked about takes no postcode at the moment (ask for the e-mail)."""
    number = tracker.get_slot("order_number")
    return bool(number) and orders().postcode_blocked_until(number) is not None


def attempt(dispatcher: CollectingDispatcher, tracker: Tracker, lang: str, fresh: bool) -> tuple[Order | None, dict]:
    """Try the order number and contact in the slots: (the order when proven now, slot changes).

    `fresh`: the contact was typed (or asked for) just now, not kept from an earlier order.
    """
    number, contact = tracker.get_slot("order_number"), tracker.get_slot("order_contact")
    if not number or not contact or (tracker.get_slot("order_verified") == number and proof_fresh(tracker)):
        return None, {}
    if lock(tracker):
        return None, {}  # the form ends; the submit action explains
    kind = proof_kind(contact)
    if kind == POSTCODE and not fresh:  # a postcode proves only the order it was given for
        return None, {"order_contact": None, "order_verified": None}
    backend, client = orders(), client_address(tracker)
    if kind == POSTCODE and backend.postcode_blocked_until(number):
        # a guess all the same: counted, and the order's e-mail address is asked for
        backend.record_failed_verification(tracker.sender_id, order_number=number, client=client, proof=POSTCODE)
        return None, {"order_contact": None, "order_verified": None}
    order = prove(number, contact)
    if order is not None:
        return order, {"order_verified": number, "order_proof_at": time.time()}
    failures = backend.record_failed_verification(tracker.sender_id, order_number=number, client=client, proof=kind)
    limit = security().conversation_failures
    if failures < limit and not lock(tracker):
        dispatcher.utter_message(text=say("verify_failed", lang, left=limit - failures))
    if not fresh:  # an e-mail kept from another order: ask for this order's proof
        return None, {"order_contact": None, "order_verified": None}
    return None, {"order_number": None, "order_contact": None, "order_verified": None}
