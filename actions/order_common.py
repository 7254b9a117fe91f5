"""After the purchase: order status, returns, exchanges and cancellation (issue 3).

Every order task is a Rasa form (domain.yml `forms`) whose first two slots prove the order:
`order_number` and `order_contact` (the order's e-mail address or delivery postcode). The
validation actions (`actions/order_forms.py` and one module per task) parse what the shopper typed (`orders/parse.py`), explain bad input,
prove the order with the backend and only then add the task's own slots, so no order detail is
shown before the proof. A wrong e-mail or postcode gets exactly the answer an unknown number
gets; the limits on failed proofs and the proof's expiry are in `actions/order_proof.py`.

`action_ask_<slot>` actions ask for each slot in the shopper's language; `action_order_status`
and `action_submit_*` run when a form completes. All facts come from the orders backend, the
catalog and the store config; every sentence from `actions/texts.py`.

This module holds what every order module shares: the constants, the lock-out text, the
texts of order lines and `OrderAction`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from abc import ABC, abstractmethod
from typing import Any
from zoneinfo import ZoneInfo

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import facts
from actions.common import handoff_text
from actions.context import catalog, language, only_changes, orders
from actions.order_proof import lock, security, touch, verified_order
from actions.texts import clock, day, join, say
from catalog.models import Product
from orders import parse, policy
from orders.api import Order, OrderError, OrderItem

Events = list[EventType]
PROOF = ["order_number", "order_contact"]
TASK_SLOTS = {
    "order_verification_form": [],
    "return_form": ["return_items", "return_reason", "return_confirm"],
    "exchange_form": ["exchange_item", "exchange_variant", "exchange_confirm"],
    "cancel_form": ["cancel_confirm"],
}
ALL_TASK_SLOTS = ["return_items", "return_reason", "return_comment", "return_confirm",
                  "exchange_item", "exchange_variant", "exchange_confirm", "cancel_confirm"]  # fmt: skip
# intents that interrupt a running form (domain.yml `ignored_intents`): never read as an answer
INTERRUPTIONS = {"stop", "ask_shipping", "ask_policy", "bot_challenge", "human_handoff",
                 "order_status", "return_item", "exchange_item", "cancel_order"}  # fmt: skip
TASK_INTENTS = ("order_status", "return_item", "exchange_item", "cancel_order")
OWN_INTENTS = {"order_verification_form": ("order_status",), "return_form": ("return_item",),
               "exchange_form": ("exchange_item",), "cancel_form": ("cancel_order",)}  # fmt: skip


# --- helpers ------------------------------------------------------------------------------


def tracker_language(tracker: Tracker) -> str:
    return language(tracker, catalog().config.store.default_language)


def intent_of(tracker: Tracker) -> str | None:
    return (tracker.latest_message.get("intent") or {}).get("name")


def tidy(text: str) -> str:
    """"am Fr. 20. Nov.." -> "am Fr. 20. Nov." (German dates end with a period)."""
    return re.sub(r"\.\.(?=\s|$)", ".", text)


def reply(dispatcher: CollectingDispatcher, text: str, order: Order | None = None, buttons: list[dict] | None = None) -> None:
    dispatcher.utter_message(text=tidy(text), buttons=buttons, sources=[f"order:{order.number}"] if order else [])


def yes_no_buttons(lang: str) -> list[dict]:
    return [{"title": say("yes_do_it", lang), "payload": "/affirm"}, {"title": say("no_thanks", lang), "payload": "/deny"}]


def _local_time(moment: dt.datetime, lang: str) -> str:
    return clock(moment.astimezone(ZoneInfo(catalog().config.store.timezone)), lang)


def lock_text(tracker: Tracker, lang: str) -> str | None:
    """Why no order can be looked up now (a conversation or address lock-out); None when it can."""
    locked = lock(tracker)
    if locked is None:
        return None
    until, who = locked
    key = "locked" if who == "conversation" else "locked_address"
    return say(key, lang, count=security().conversation_failures, time=_local_time(until, lang), handoff=handoff_text(lang))


def date_text(moment: dt.datetime | dt.date, lang: str) -> str:
    if isinstance(moment, dt.datetime):
        moment = policy.local_date(moment, catalog().config)
    return day(moment, lang)


def product_of(item: OrderItem) -> Product | None:
    return catalog().get(item.product_id)


def title_of(item: OrderItem, lang: str) -> str:
    product = product_of(item)
    return product.name(lang) if product else item.title


def variant_text(size: str | None, color: str | None, lang: str) -> str:
    parts = [say("size_word", lang, size=size) if size else "", facts.color_name(color, lang) if color else ""]
    return ", ".join(p for p in parts if p)


def item_text(item: OrderItem, lang: str, qty: bool = True) -> str:
    variant = variant_text(item.size, item.color, lang)
    name = title_of(item, lang) + (f" ({variant})" if variant else "")
    return f"{item.quantity}× {name}" if qty else name


def eligibility(order: Order) -> dict[int, policy.Eligibility]:
    """Per line: may it go back now, and if not, why (the backend's rule when it offers one)."""
    backend = orders()
    if hasattr(backend, "eligibility"):
        verdicts = backend.eligibility(order)
    else:
        cfg = catalog().config
        verdicts = [policy.item_eligibility(order, i, (product_of(i).tags if product_of(i) else []), cfg) for i in order.items]
    return {v.line_id: v for v in verdicts}


def why_not(verdict: policy.Eligibility, lang: str) -> str:
    if verdict.code == "excluded" and verdict.reason:
        return verdict.reason.get(lang) or next(iter(verdict.reason.values()))
    if verdict.code == "window_closed":
        return say("why_window_closed", lang, date=day(verdict.deadline, lang), days=catalog().config.returns.window_days)
    return say(f"why_{verdict.code}", lang)


def task_message(tracker: Tracker) -> str:
    """The text of the message that asked for the current order task ("return the jacket")."""
    for event in reversed(tracker.events):
        if event.get("event") == "user" and ((event.get("parse_data") or {}).get("intent") or {}).get("name") in TASK_INTENTS:
            return event.get("text") or ""
    return ""


def _line_words(item: OrderItem) -> tuple[str, str]:
    """(title and tag words, description words) of an order line, for matching "the jacket"."""
    product = product_of(item)
    strong = [item.title]
    weak: list[str] = []
    if product:
        strong += list(product.title.values()) + list(product.tags)
        weak += list(product.description.values())
    return " ".join(strong), " ".join(weak)


def pick_lines(text: str, items: list[OrderItem]) -> list[int]:
    return parse.pick_lines(text, [(i.line_id, *_line_words(i)) for i in items])


def reset_task() -> Events:
    return [SlotSet(s, None) for s in ALL_TASK_SLOTS]


class OrderAction(Action, ABC):
    """Language first; `respond` gets the proven order (None before the proof)."""

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> Events:
        lang = tracker_language(tracker)
        order = verified_order(tracker)  # and its use keeps the proof alive
        return only_changes(tracker, [SlotSet("language", lang), *touch(order), *self.respond(dispatcher, tracker, lang, order)])

    @abstractmethod
    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str, order: Order | None) -> Events:
        """The reply and the slots it sets."""


def items_list(order: Order, lang: str, with_eligibility: bool = True) -> str:
    verdicts = eligibility(order)
    lines = []
    for n, item in enumerate(order.items, start=1):
        line = f"{n}. {item_text(item, lang)}"
        if with_eligibility:
            verdict = verdicts[item.line_id]
            line += " – " + (say("item_ok_until", lang, date=day(verdict.deadline, lang)) if verdict.ok and verdict.deadline else why_not(verdict, lang))
        lines.append(line)
    return "\n".join(lines)


def chosen_text(order: Order, lines: list[int] | None, lang: str) -> str:
    return join([item_text(i, lang) for i in order.items if i.line_id in (lines or [])], lang)


def items_short(order: Order, lang: str) -> str:
    return join([item_text(i, lang) for i in order.items], lang)


def blocked(dispatcher: CollectingDispatcher, tracker: Tracker, lang: str, order: Order | None) -> bool:
    """Lock-out or no proven order: say so and stop."""
    locked = lock_text(tracker, lang)
    if locked:
        reply(dispatcher, locked)
        return True
    if order is None:
        reply(dispatcher, say("order_unverified", lang))
        return True
    return False


def write_key(tracker: Tracker, kind: str) -> str | None:
    """The idempotency key of an order write (`kind`: return, exchange, cancel) in this turn:
    the conversation and its latest user message (Rasa's `message_id`, else its timestamp).
    A call nginx resends to the other action server carries the same tracker, so the same key,
    and the backend returns the first write instead of making a second. None without a user
    message (nothing to tie the write to: it is made as before)."""
    for event in reversed(tracker.events or []):
        if event.get("event") == "user":
            turn = event.get("message_id") or event.get("timestamp")
            if not turn:
                return None
            return hashlib.sha256(f"{tracker.sender_id}\x00{turn}\x00{kind}".encode()).hexdigest()
    return None


def order_error(dispatcher: CollectingDispatcher, exc: OrderError, lang: str, order: Order) -> None:
    key = f"order_error_{exc.code}"
    from actions.texts import T

    reply(dispatcher, say(key, lang) if key in T else say("order_error_other", lang, handoff=handoff_text(lang)), order)
