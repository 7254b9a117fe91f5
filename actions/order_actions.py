"""After the purchase: order status, returns, exchanges and cancellation (issue 3).

Every order task is a Rasa form (domain.yml `forms`) whose first two slots prove the order:
`order_number` and `order_contact` (the order's e-mail address or delivery postcode). The
validation actions below parse what the shopper typed (`orders/parse.py`), explain bad input,
prove the order with the backend and only then add the task's own slots, so no order detail is
shown before the proof. A wrong e-mail or postcode gets exactly the answer an unknown number
gets; after `LOCKOUT` failures the backend locks the conversation out for 15 minutes.

`action_ask_<slot>` actions ask for each slot in the shopper's language; `action_order_status`
and `action_submit_*` run when a form completes. All facts come from the orders backend, the
catalog and the store config; every sentence from `actions/texts.py`.
"""

from __future__ import annotations

import datetime as dt
import re
from abc import ABC, abstractmethod
from typing import Any
from zoneinfo import ZoneInfo

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import facts
from actions.actions import _handoff_text, _wanted_size
from actions.context import catalog, language, only_changes, orders, text_of
from actions.texts import day, join, money, say
from catalog.lexicon import find_colors
from catalog.models import Product, Variant
from catalog.sizes import normalize_letter
from orders import parse, policy
from orders.api import CANCELLABLE, RETURN_REASONS, Order, OrderError, OrderItem, ReturnLine
from orders.validation import InvalidInput

Events = list[EventType]
LOCKOUT = 5  # failed proofs in 15 minutes (the backend's lock-out rule)
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


def _lang(tracker: Tracker) -> str:
    return language(tracker, catalog().config.store.default_language)


def _intent(tracker: Tracker) -> str | None:
    return (tracker.latest_message.get("intent") or {}).get("name")


def tidy(text: str) -> str:
    """"am Fr. 20. Nov.." -> "am Fr. 20. Nov." (German dates end with a period)."""
    return re.sub(r"\.\.(?=\s|$)", ".", text)


def _reply(dispatcher: CollectingDispatcher, text: str, order: Order | None = None, buttons: list[dict] | None = None) -> None:
    dispatcher.utter_message(text=tidy(text), buttons=buttons, sources=[f"order:{order.number}"] if order else [])


def _yes_no_buttons(lang: str) -> list[dict]:
    return [{"title": say("yes_do_it", lang), "payload": "/affirm"}, {"title": say("no_thanks", lang), "payload": "/deny"}]


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


def verified_order(tracker: Tracker) -> Order | None:
    """The order proven in this conversation (re-read, so the status is current)."""
    number = tracker.get_slot("order_verified")
    if not number or number != tracker.get_slot("order_number"):
        return None
    return prove(number, tracker.get_slot("order_contact"))


def locked_until(tracker: Tracker) -> dt.datetime | None:
    return orders().locked_until(tracker.sender_id)


def _local_time(moment: dt.datetime) -> str:
    return moment.astimezone(ZoneInfo(catalog().config.store.timezone)).strftime("%H:%M")


def lock_text(until: dt.datetime, lang: str) -> str:
    return say("locked", lang, count=LOCKOUT, time=_local_time(until), handoff=_handoff_text(lang))


def _date(moment: dt.datetime | dt.date, lang: str) -> str:
    if isinstance(moment, dt.datetime):
        moment = policy.local_date(moment, catalog().config)
    return day(moment, lang)


def _product(item: OrderItem) -> Product | None:
    return catalog().get(item.product_id)


def _title(item: OrderItem, lang: str) -> str:
    product = _product(item)
    return product.name(lang) if product else item.title


def _variant_text(size: str | None, color: str | None, lang: str) -> str:
    parts = [say("size_word", lang, size=size) if size else "", facts.color_name(color, lang) if color else ""]
    return ", ".join(p for p in parts if p)


def _item_text(item: OrderItem, lang: str, qty: bool = True) -> str:
    variant = _variant_text(item.size, item.color, lang)
    name = _title(item, lang) + (f" ({variant})" if variant else "")
    return f"{item.quantity}× {name}" if qty else name


def eligibility(order: Order) -> dict[int, policy.Eligibility]:
    """Per line: may it go back now, and if not, why (the backend's rule when it offers one)."""
    backend = orders()
    if hasattr(backend, "eligibility"):
        verdicts = backend.eligibility(order)
    else:
        cfg = catalog().config
        verdicts = [policy.item_eligibility(order, i, (_product(i).tags if _product(i) else []), cfg) for i in order.items]
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
    product = _product(item)
    strong = [item.title]
    weak: list[str] = []
    if product:
        strong += list(product.title.values()) + list(product.tags)
        weak += list(product.description.values())
    return " ".join(strong), " ".join(weak)


def pick_lines(text: str, items: list[OrderItem]) -> list[int]:
    return parse.pick_lines(text, [(i.line_id, *_line_words(i)) for i in items])


def _reset_task() -> Events:
    return [SlotSet(s, None) for s in ALL_TASK_SLOTS]


# --- validation ----------------------------------------------------------------------------


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
        if locked_until(tracker):
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
        return events + await super().run(dispatcher, tracker, domain)

    def _reading_proof(self, tracker: Tracker) -> bool:
        """Order number and contact are read at the start and while the form asks for them
        (not from a question in between; "where's my order 100235?" in the status form is read)."""
        requested = tracker.get_slot("requested_slot")
        if requested is not None and _intent(tracker) in INTERRUPTIONS - set(OWN_INTENTS[self.form()]):
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
        lang = _lang(tracker)
        info = parse.parse(str(value or ""), expect="order_number")
        if info.order_number is None:
            if parse.NUMBER_LENGTH in info.problems:
                _reply(dispatcher, say("bad_number_length", lang, digits=info.wrong_digits))
            elif parse.NUMBER_MISSING in info.problems:
                _reply(dispatcher, say("bad_number_missing", lang))
            return {"order_number": None}
        result: dict[str, Any] = {"order_number": info.order_number}
        if info.order_number != tracker.get_slot("order_verified"):
            result["order_verified"] = None
        return result

    def validate_order_contact(self, value, dispatcher, tracker, domain) -> dict:  # noqa: ANN001
        lang = _lang(tracker)
        info = parse.parse(str(value or ""), expect="contact")
        if info.contact is None:
            if parse.EMAIL_INVALID in info.problems:
                _reply(dispatcher, say("bad_email", lang))
            elif tracker.get_slot("requested_slot") == "order_contact" or tracker.get_slot("order_number"):
                _reply(dispatcher, say("bad_contact_missing", lang))
            return {"order_contact": None}
        return {"order_contact": info.contact}

    async def get_validation_events(self, dispatcher, tracker, domain):  # noqa: ANN001
        """Each slot's own check (super), then the proof once both parts are known."""
        events = await super().get_validation_events(dispatcher, tracker, domain)
        changed = {e["name"] for e in events if e.get("event") == "slot"}
        if changed & set(PROOF):
            # a contact typed now (or just asked for) counts as an attempt; one carried over from
            # another order does not (Rasa re-sends the kept slots when a form starts)
            fresh = tracker.get_slot("requested_slot") == "order_contact" or parse.parse(text_of(tracker)).contact is not None
            extra = self._prove(dispatcher, tracker, fresh=fresh)
            tracker.slots.update(extra)
            events += [SlotSet(k, v) for k, v in extra.items()]
        return events

    def _prove(self, dispatcher: CollectingDispatcher, tracker: Tracker, fresh: bool) -> dict[str, Any]:
        number, contact = tracker.get_slot("order_number"), tracker.get_slot("order_contact")
        if not number or not contact or tracker.get_slot("order_verified") == number:
            return {}
        if locked_until(tracker):
            return {}
        order = prove(number, contact)
        if order is not None:
            return {"order_verified": number, **self.after_proof(order, tracker)}
        if not fresh:  # the e-mail / postcode of another order, carried over: just ask for this one's
            return {"order_contact": None, "order_verified": None}
        failures = orders().record_failed_verification(tracker.sender_id)
        if failures < LOCKOUT:
            _reply(dispatcher, say("verify_failed", _lang(tracker), left=LOCKOUT - failures))
        return {"order_number": None, "order_contact": None, "order_verified": None}


def _confirmation(value: Any, tracker: Tracker) -> bool | None:
    if isinstance(value, bool):
        return value
    intent = _intent(tracker)
    if intent in ("affirm", "deny"):
        return intent == "affirm"
    text = str(value or "").lower()
    if re.search(r"\b(ja|jawohl|gerne?|genau|ok(ay)?|klar|yes|yeah|yep|sure|please do|go ahead|mach das)\b", text):
        return True
    if re.search(r"\b(nein|nee|lieber nicht|doch nicht|no|nope|don't|do not)\b", text):
        return False
    return None


def _validate_confirmation(slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker) -> dict:
    answer = _confirmation(value, tracker)
    if answer is None:
        lang = _lang(tracker)
        _reply(dispatcher, say("yes_or_no", lang), buttons=_yes_no_buttons(lang))
    return {slot: answer}


class ValidateOrderVerificationForm(OrderFormValidation):
    def name(self) -> str:
        return "validate_order_verification_form"


# --- returns ---------------------------------------------------------------------------------

_REASON_WORDS: tuple[tuple[str, str], ...] = (
    ("too_small", r"zu (klein|eng|kurz)|too (small|tight|short)|kleiner als|smaller than"),
    ("too_large", r"zu (groß|gross|weit|lang)|too (big|large|loose|long)"),
    ("damaged", r"kaputt|beschädigt|defekt|gerissen|broken|damaged|faulty|defective|torn|doesn'?t work|funktioniert nicht"),
    ("wrong_item", r"falsche[nrs]? (artikel|größe|farbe|produkt)|falsch geliefert|wrong (item|size|colou?r|product)|not what i ordered|nicht bestellt"),
    ("not_as_described", r"nicht wie beschrieben|anders als|not as described|different from|doesn'?t look like"),
    ("changed_mind", r"gefällt (mir )?nicht|nicht mehr|anders überlegt|brauche? (es|ihn|sie) nicht|changed my mind|don'?t (like|need|want)|no longer"),
)


def reason_of(text: str) -> str:
    lowered = text.lower()
    for code in RETURN_REASONS:
        if re.search(rf"\b{code}\b", lowered):
            return code
    for code, pattern in _REASON_WORDS:
        if re.search(pattern, lowered):
            return code
    return "other"


class ValidateReturnForm(OrderFormValidation):
    def name(self) -> str:
        return "validate_return_form"

    def task_slots(self, order, tracker):  # noqa: ANN001
        verdicts = eligibility(order)
        return TASK_SLOTS["return_form"] if any(v.ok for v in verdicts.values()) else []

    def after_proof(self, order, tracker):  # noqa: ANN001
        verdicts = eligibility(order)
        ok = [i for i in order.items if verdicts[i.line_id].ok]
        if not ok:
            return {}
        picked = pick_lines(task_message(tracker), order.items)
        if picked and all(verdicts[line].ok for line in picked):
            return {"return_items": picked}
        return {}

    def validate_return_items(self, value, dispatcher, tracker, domain) -> dict:  # noqa: ANN001
        lang = _lang(tracker)
        order = verified_order(tracker)
        if order is None:
            return {"return_items": None}
        verdicts = eligibility(order)
        if isinstance(value, list):
            picked = [int(v) for v in value if str(v).isdigit()]
        else:
            picked = pick_lines(str(value or ""), order.items)
        items = {i.line_id: i for i in order.items}
        if parse.ALL_WORDS.search(str(value or "")) and not isinstance(value, list):
            picked = [line for line in picked if verdicts[line].ok]
        good = [line for line in picked if line in items and verdicts[line].ok]
        bad = [line for line in picked if line in items and not verdicts[line].ok]
        if bad:
            _reply(dispatcher, " ".join(say("items_not_eligible", lang, title=_title(items[line], lang), why=why_not(verdicts[line], lang)) for line in bad), order)
        if good and not bad:
            return {"return_items": good}
        if not bad:
            _reply(dispatcher, say("items_unclear", lang))
        return {"return_items": None}

    def validate_return_reason(self, value, dispatcher, tracker, domain) -> dict:  # noqa: ANN001
        text = str(value or "").replace("\x00", "").strip()
        code = reason_of(text)
        typed = not text.startswith("/")  # a button sends "/provide_order_info{...}"
        return {"return_reason": code, "return_comment": text[:500] if typed else ""}

    def validate_return_confirm(self, value, dispatcher, tracker, domain) -> dict:  # noqa: ANN001
        return _validate_confirmation("return_confirm", value, dispatcher, tracker)


# --- exchanges ------------------------------------------------------------------------------


def exchangeable(order: Order) -> list[OrderItem]:
    verdicts = eligibility(order)
    out = []
    for item in order.items:
        product = _product(item)
        if verdicts[item.line_id].ok and product and any(v.sku != item.sku for v in product.variants):
            out.append(item)
    return out


def _variant_label(variant: Variant, lang: str) -> str:
    """ "size L in red": one version in a list of versions."""
    if variant.size and variant.color:
        return say("variant_label", lang, size=variant.size, color=facts.color_name(variant.color, lang))
    return _variant_text(variant.size, variant.color, lang)


def in_stock_alternatives(item: OrderItem, product: Product, around: Variant | None = None) -> list[Variant]:
    """Versions in stock that keep the size or the colour of `around` (the wanted version) or
    else of the bought one."""
    size, color = (around.size, around.color) if around else (item.size, item.color)
    return [v for v in product.variants
            if v.sku not in (item.sku, around.sku if around else None) and (v.size == size or v.color == color)
            and orders().available_stock(v.sku) > 0]  # fmt: skip


def wanted_variant(text: str, item: OrderItem, product: Product) -> tuple[Variant | None, str | None]:
    """(the variant the text asks for, what was asked in words) – size and/or colour; what
    is not named stays as in the order ("in L" keeps the colour)."""
    lowered = text.lower()
    for variant in product.variants:  # a button sends the SKU itself
        if variant.sku.lower() in lowered:
            return variant, variant.sku
    size = _wanted_size(lowered, product) if product.sizes() else None
    colors = find_colors(text)
    color = colors[0] if colors else None
    if size is None and color is None:
        return None, None
    want_size = normalize_letter(size) if size else (normalize_letter(item.size) if item.size else None)
    want_color = color or item.color
    for variant in product.variants:
        if (want_size is None or (variant.size and normalize_letter(variant.size) == want_size)) and (want_color is None or variant.color == want_color):
            return variant, " ".join(x for x in (size, color) if x)
    return None, " ".join(x for x in (size, color) if x)


class ValidateExchangeForm(OrderFormValidation):
    def name(self) -> str:
        return "validate_exchange_form"

    def task_slots(self, order, tracker):  # noqa: ANN001
        return TASK_SLOTS["exchange_form"] if exchangeable(order) else []

    def after_proof(self, order, tracker):  # noqa: ANN001
        candidates = exchangeable(order)
        if not candidates:
            return {}
        text = task_message(tracker)
        picked = [line for line in pick_lines(text, order.items) if line in {i.line_id for i in candidates}]
        if len(picked) != 1 and len(candidates) == 1:
            picked = [candidates[0].line_id]
        if len(picked) != 1:
            return {}
        result: dict[str, Any] = {"exchange_item": picked[0]}
        item = next(i for i in candidates if i.line_id == picked[0])
        product = _product(item)
        variant, _ = wanted_variant(text, item, product) if product else (None, None)
        if variant and variant.sku != item.sku and orders().available_stock(variant.sku) > 0:
            result["exchange_variant"] = variant.sku
        return result

    def validate_exchange_item(self, value, dispatcher, tracker, domain) -> dict:  # noqa: ANN001
        lang = _lang(tracker)
        order = verified_order(tracker)
        if order is None:
            return {"exchange_item": None}
        candidates = {i.line_id: i for i in exchangeable(order)}
        if isinstance(value, int) or str(value).isdigit() and int(value) in candidates:
            return {"exchange_item": int(value)} if int(value) in candidates else {"exchange_item": None}
        picked = pick_lines(str(value or ""), order.items)
        good = [line for line in picked if line in candidates]
        if len(good) == 1:
            return {"exchange_item": good[0]}
        if len(good) > 1:
            _reply(dispatcher, say("exchange_one_at_a_time", lang))
        elif picked:
            verdicts = eligibility(order)
            items = {i.line_id: i for i in order.items}
            whys = [say("items_not_eligible", lang, title=_title(items[line], lang), why=why_not(verdicts[line], lang) if not verdicts[line].ok else say("why_no_variants", lang)) for line in picked]
            _reply(dispatcher, " ".join(whys), order)
        else:
            _reply(dispatcher, say("items_unclear", lang))
        return {"exchange_item": None}

    def validate_exchange_variant(self, value, dispatcher, tracker, domain) -> dict:  # noqa: ANN001
        lang = _lang(tracker)
        order = verified_order(tracker)
        item = next((i for i in order.items if i.line_id == tracker.get_slot("exchange_item")), None) if order else None
        product = _product(item) if item else None
        if item is None or product is None:
            return {"exchange_variant": None}
        variant, asked = wanted_variant(str(value or ""), item, product)
        offered = say("variant_offered", lang, sizes=", ".join(product.sizes()) or "–", colors=", ".join(facts.color_name(c, lang) for c in product.colors()) or "–")
        if asked is None:
            _reply(dispatcher, say("variant_unclear", lang, offered=offered))
            return {"exchange_variant": None}
        name = product.name(lang)
        if variant is None:
            _reply(dispatcher, say("variant_not_offered", lang, product=name, wanted=asked, offered=offered))
            return {"exchange_variant": None}
        if variant.sku == item.sku:
            _reply(dispatcher, say("variant_same", lang))
            return {"exchange_variant": None}
        if orders().available_stock(variant.sku) > 0:
            return {"exchange_variant": variant.sku}
        self._sold_out(dispatcher, item, product, variant, lang, order)
        return {"exchange_variant": None}

    @staticmethod
    def _sold_out(dispatcher: CollectingDispatcher, item: OrderItem, product: Product, variant: Variant, lang: str, order: Order) -> None:
        """Out of stock: the in-stock versions, similar products in the wanted size, or a refund."""
        lines = [say("variant_sold_out", lang, product=product.name(lang), wanted=_variant_label(variant, lang))]
        others = in_stock_alternatives(item, product, variant)
        buttons = [{"title": _variant_label(v, lang), "payload": f'/provide_order_info{{"variant": "{v.sku}"}}'} for v in others[:4]]
        if others:
            lines.append(say("variant_alternatives", lang, options=join([_variant_label(v, lang) for v in others], lang)))
        if variant.size:
            size = normalize_letter(variant.size)
            similar = [p for p in catalog().similar(product, limit=8)
                       if any(v.size and normalize_letter(v.size) == size and v.stock > 0 for v in p.variants)][:2]  # fmt: skip
            if similar:
                lines.append(say("variant_similar", lang, size=variant.size, names=join([p.name(lang) for p in similar], lang)))
        lines.append(say("variant_refund_offer", lang))
        buttons.append({"title": say("refund_instead", lang), "payload": "/return_item"})
        _reply(dispatcher, " ".join(lines), order, buttons)

    def validate_exchange_confirm(self, value, dispatcher, tracker, domain) -> dict:  # noqa: ANN001
        return _validate_confirmation("exchange_confirm", value, dispatcher, tracker)


# --- cancellation ----------------------------------------------------------------------------


class ValidateCancelForm(OrderFormValidation):
    def name(self) -> str:
        return "validate_cancel_form"

    def task_slots(self, order, tracker):  # noqa: ANN001
        return TASK_SLOTS["cancel_form"] if order.status in CANCELLABLE else []

    def validate_cancel_confirm(self, value, dispatcher, tracker, domain) -> dict:  # noqa: ANN001
        return _validate_confirmation("cancel_confirm", value, dispatcher, tracker)


# --- asking -----------------------------------------------------------------------------------


class OrderAction(Action, ABC):
    """Language first; `respond` gets the proven order (None before the proof)."""

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> Events:
        lang = _lang(tracker)
        return only_changes(tracker, [SlotSet("language", lang), *self.respond(dispatcher, tracker, lang, verified_order(tracker))])

    @abstractmethod
    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str, order: Order | None) -> Events:
        """The reply and the slots it sets."""


class ActionAskOrderNumber(OrderAction):
    def name(self) -> str:
        return "action_ask_order_number"

    def respond(self, dispatcher, tracker, lang, order):  # noqa: ANN001
        starting = _intent(tracker) in TASK_INTENTS and not tracker.get_slot("order_contact")
        _reply(dispatcher, say("ask_order_number" if starting else "ask_order_number_again", lang))
        return []


class ActionAskOrderContact(OrderAction):
    def name(self) -> str:
        return "action_ask_order_contact"

    def respond(self, dispatcher, tracker, lang, order):  # noqa: ANN001
        _reply(dispatcher, say("ask_order_contact", lang))
        return []


def _items_list(order: Order, lang: str, with_eligibility: bool = True) -> str:
    verdicts = eligibility(order)
    lines = []
    for n, item in enumerate(order.items, start=1):
        line = f"{n}. {_item_text(item, lang)}"
        if with_eligibility:
            verdict = verdicts[item.line_id]
            line += " – " + (say("item_ok_until", lang, date=day(verdict.deadline, lang)) if verdict.ok and verdict.deadline else why_not(verdict, lang))
        lines.append(line)
    return "\n".join(lines)


class ActionAskReturnItems(OrderAction):
    def name(self) -> str:
        return "action_ask_return_items"

    def respond(self, dispatcher, tracker, lang, order):  # noqa: ANN001
        if order is None:
            return []
        verdicts = eligibility(order)
        ok = [(n, i) for n, i in enumerate(order.items, start=1) if verdicts[i.line_id].ok]
        buttons = [{"title": f"{n}. {_title(i, lang)}", "payload": f'/provide_order_info{{"item": "{n}"}}'} for n, i in ok]
        if len(ok) > 1:
            buttons.append({"title": say("all_items", lang), "payload": '/provide_order_info{"item": "all"}'})
        _reply(dispatcher, say("ask_return_items", lang, number=order.number) + "\n" + _items_list(order, lang), order, buttons)
        return []


def _chosen(order: Order, lines: list[int] | None, lang: str) -> str:
    return join([_item_text(i, lang) for i in order.items if i.line_id in (lines or [])], lang)


class ActionAskReturnReason(OrderAction):
    def name(self) -> str:
        return "action_ask_return_reason"

    def respond(self, dispatcher, tracker, lang, order):  # noqa: ANN001
        if order is None:
            return []
        buttons = [{"title": say(f"reason_{code}", lang), "payload": f'/provide_order_info{{"reason": "{code}"}}'} for code in RETURN_REASONS]
        _reply(dispatcher, say("ask_return_reason", lang, items=_chosen(order, tracker.get_slot("return_items"), lang)), order, buttons)
        return []


def _return_quantities(order: Order, lines: list[int]) -> dict[int, int]:
    verdicts = eligibility(order)
    return {line: verdicts[line].quantity for line in lines if line in verdicts and verdicts[line].ok}


class ActionAskReturnConfirm(OrderAction):
    def name(self) -> str:
        return "action_ask_return_confirm"

    def respond(self, dispatcher, tracker, lang, order):  # noqa: ANN001
        if order is None:
            return []
        cfg = catalog().config
        lines = tracker.get_slot("return_items") or []
        amount = policy.refund_amount(order, _return_quantities(order, lines), cfg)
        method = cfg.returns.refund_method.get(lang) or next(iter(cfg.returns.refund_method.values()))
        text = say("ask_return_confirm", lang, items=_chosen(order, lines, lang), number=order.number,
                   reason=say(f"reason_{tracker.get_slot('return_reason') or 'other'}", lang), amount=money(amount, lang), method=method)  # fmt: skip
        _reply(dispatcher, text, order, _yes_no_buttons(lang))
        return []


def _exchange_parts(order: Order, tracker: Tracker) -> tuple[OrderItem | None, Product | None, Variant | None]:
    item = next((i for i in order.items if i.line_id == tracker.get_slot("exchange_item")), None)
    product = _product(item) if item else None
    variant = next((v for v in product.variants if v.sku == tracker.get_slot("exchange_variant")), None) if product else None
    return item, product, variant


class ActionAskExchangeItem(OrderAction):
    def name(self) -> str:
        return "action_ask_exchange_item"

    def respond(self, dispatcher, tracker, lang, order):  # noqa: ANN001
        if order is None:
            return []
        candidates = {i.line_id for i in exchangeable(order)}
        buttons = [{"title": f"{n}. {_title(i, lang)}", "payload": f'/provide_order_info{{"item": "{n}"}}'}
                   for n, i in enumerate(order.items, start=1) if i.line_id in candidates]  # fmt: skip
        _reply(dispatcher, say("ask_exchange_item", lang, number=order.number) + "\n" + _items_list(order, lang), order, buttons)
        return []


class ActionAskExchangeVariant(OrderAction):
    def name(self) -> str:
        return "action_ask_exchange_variant"

    def respond(self, dispatcher, tracker, lang, order):  # noqa: ANN001
        if order is None:
            return []
        item, product, _ = _exchange_parts(order, tracker)
        if item is None or product is None:
            return []
        others = in_stock_alternatives(item, product)
        name = _item_text(item, lang, qty=False)
        if not others:
            _reply(dispatcher, say("ask_exchange_variant_none", lang, item=name), order, [{"title": say("refund_instead", lang), "payload": "/return_item"}])
            return []
        buttons = [{"title": _variant_label(v, lang), "payload": f'/provide_order_info{{"variant": "{v.sku}"}}'} for v in others[:6]]
        _reply(dispatcher, say("ask_exchange_variant", lang, item=name, options=join([_variant_label(v, lang) for v in others], lang)), order, buttons)
        return []


class ActionAskExchangeConfirm(OrderAction):
    def name(self) -> str:
        return "action_ask_exchange_confirm"

    def respond(self, dispatcher, tracker, lang, order):  # noqa: ANN001
        if order is None:
            return []
        item, product, variant = _exchange_parts(order, tracker)
        if item is None or variant is None:
            return []
        text = say("ask_exchange_confirm", lang, item=_title(item, lang), number=order.number,
                   old=_variant_text(item.size, item.color, lang), new=_variant_label(variant, lang))  # fmt: skip
        _reply(dispatcher, text, order, _yes_no_buttons(lang))
        return []


def _items_short(order: Order, lang: str) -> str:
    return join([_item_text(i, lang) for i in order.items], lang)


class ActionAskCancelConfirm(OrderAction):
    def name(self) -> str:
        return "action_ask_cancel_confirm"

    def respond(self, dispatcher, tracker, lang, order):  # noqa: ANN001
        if order is None:
            return []
        text = say("ask_cancel_confirm", lang, number=order.number, date=_date(order.created_at, lang), items=_items_short(order, lang),
                   total=money(order.total, lang), status=say(f"status_{order.status}", lang))  # fmt: skip
        _reply(dispatcher, text, order, _yes_no_buttons(lang))
        return []


# --- results ---------------------------------------------------------------------------------


def _blocked(dispatcher: CollectingDispatcher, tracker: Tracker, lang: str, order: Order | None) -> bool:
    """Lock-out or no proven order: say so and stop."""
    until = locked_until(tracker)
    if until:
        _reply(dispatcher, lock_text(until, lang))
        return True
    if order is None:
        _reply(dispatcher, say("order_unverified", lang))
        return True
    return False


def status_text(order: Order, lang: str, now: dt.datetime | None = None) -> str:
    cfg = catalog().config
    lines = [say("order_head", lang, number=order.number, date=_date(order.created_at, lang), status=say(f"status_{order.status}", lang))]
    lines.append(say("order_items", lang, items=_items_short(order, lang), total=money(order.total, lang)))
    if order.carrier and order.tracking_number and order.status in ("shipped", "out_for_delivery", "delivered"):
        key = "order_tracking" if order.tracking_url else "order_tracking_no_url"
        lines.append(say(key, lang, carrier=order.carrier, tracking=order.tracking_number, url=order.tracking_url))
    window = policy.delivery_window(order, cfg, now)
    if window:
        span = say("window_day", lang, a=day(window.earliest, lang)) if window.earliest == window.latest else say("window_range", lang, a=day(window.earliest, lang), b=day(window.latest, lang))
        if window.shipped:
            lines.append(say("order_window", lang, window=span))
        else:
            lines.append(say("order_window_dispatch", lang, ship=day(window.ship_date, lang), window=span))
    if order.status == "delivered" and order.delivered_at:
        lines.append(say("order_delivered_on", lang, date=_date(order.delivered_at, lang)))
        deadline = policy.return_deadline(order, cfg)
        if deadline and deadline >= policy.local_date(now or dt.datetime.now(dt.timezone.utc), cfg):
            lines.append(say("order_return_until", lang, date=day(deadline, lang)))
    return " ".join(lines)


def after_delivery(order: Order, lang: str) -> tuple[str, list[str]]:
    """One or two products that complete a delivered order and a review invitation: short, optional."""
    cat = catalog()
    bought = [p for i in order.items if (p := cat.get(i.product_id))]
    if not bought:
        return "", []
    owned = {p.id for p in bought}
    extras: list[Product] = []
    for product in bought:
        for other in cat.complements(product):
            if other.id not in owned and other not in extras:
                extras.append(other)
    extras = extras[:2]
    lines = []
    if extras:
        lines.append(say("order_complements", lang, names=join([p.name(lang) for p in extras], lang)))
    lines.append(say("order_review", lang, product=bought[0].name(lang), url=cat.config.product_url(bought[0].id, lang)))
    return " ".join(lines), [p.id for p in extras]


class ActionOrderStatus(OrderAction):
    def name(self) -> str:
        return "action_order_status"

    def respond(self, dispatcher, tracker, lang, order):  # noqa: ANN001
        if _blocked(dispatcher, tracker, lang, order):
            return []
        text = status_text(order, lang)
        sources = [f"order:{order.number}"]
        if order.status == "delivered":
            extra, ids = after_delivery(order, lang)
            if extra:
                text += "\n" + extra
                sources += ids
        buttons = None
        info = parse.parse(tracker.get_slot("order_contact") or "", expect="contact")
        if info.email:  # the e-mail is proven: its other orders may be listed
            others = [o for o in orders().list_by_email(info.email) if o.number != order.number][:5]
            if others:
                text += "\n" + say("order_others", lang)
                buttons = [{"title": say("order_pick", lang, number=o.number, date=_date(o.created_at, lang), status=say(f"status_{o.status}", lang)),
                            "payload": f'/order_status{{"order_number": "{o.number}"}}'} for o in others]  # fmt: skip
        dispatcher.utter_message(text=tidy(text), buttons=buttons, sources=sources)
        return []


def _order_error(dispatcher: CollectingDispatcher, exc: OrderError, lang: str, order: Order) -> None:
    key = f"order_error_{exc.code}"
    from actions.texts import T

    _reply(dispatcher, say(key, lang) if key in T else say("order_error_other", lang, handoff=_handoff_text(lang)), order)


class ActionSubmitReturn(OrderAction):
    def name(self) -> str:
        return "action_submit_return"

    def respond(self, dispatcher, tracker, lang, order):  # noqa: ANN001
        if _blocked(dispatcher, tracker, lang, order):
            return _reset_task()
        lines = tracker.get_slot("return_items") or []
        if not lines:  # nothing in the order can go back: say why, item by item
            verdicts = eligibility(order)
            whys = [say("items_not_eligible", lang, title=_title(i, lang), why=why_not(verdicts[i.line_id], lang)) for i in order.items]
            _reply(dispatcher, say("nothing_returnable", lang, number=order.number) + "\n" + "\n".join(whys), order)
            return _reset_task()
        if tracker.get_slot("return_confirm") is not True:
            _reply(dispatcher, say("return_declined", lang), order)
            return _reset_task()
        cfg = catalog().config
        reason = tracker.get_slot("return_reason") or "other"
        comment = tracker.get_slot("return_comment") or ""
        quantities = _return_quantities(order, lines)
        try:
            made = orders().create_return(order.number, [ReturnLine(line, qty, reason, comment) for line, qty in quantities.items()], "original_payment")
        except OrderError as exc:
            _order_error(dispatcher, exc, lang, order)
            return _reset_task()
        method = cfg.returns.refund_method.get(lang) or next(iter(cfg.returns.refund_method.values()))
        address = (cfg.returns.address or cfg.contact.email).replace("\n", ", ")
        key = "return_done_paid" if cfg.returns.cost > 0 else "return_done"
        _reply(dispatcher, say(key, lang, rma=made.rma, label=made.label_url, items=_chosen(order, lines, lang), address=address,
                               amount=money(made.refund_amount, lang), method=method, days=cfg.returns.refund_days,
                               cost=money(cfg.returns.cost, lang)), order)  # fmt: skip
        return _reset_task()


def _exchange_reason(item: OrderItem, product: Product, variant: Variant) -> str:
    sizes = product.sizes()
    if item.size in sizes and variant.size in sizes and item.size != variant.size:
        return "too_small" if sizes.index(variant.size) > sizes.index(item.size) else "too_large"
    return "other"


class ActionSubmitExchange(OrderAction):
    def name(self) -> str:
        return "action_submit_exchange"

    def respond(self, dispatcher, tracker, lang, order):  # noqa: ANN001
        if _blocked(dispatcher, tracker, lang, order):
            return _reset_task()
        item, product, variant = _exchange_parts(order, tracker)
        if item is None:  # nothing in the order can be exchanged: say why
            verdicts = eligibility(order)
            whys = [say("items_not_eligible", lang, title=_title(i, lang), why=why_not(verdicts[i.line_id], lang) if not verdicts[i.line_id].ok else say("why_no_variants", lang))
                    for i in order.items]  # fmt: skip
            _reply(dispatcher, say("nothing_exchangeable", lang, number=order.number) + "\n" + "\n".join(whys), order)
            return _reset_task()
        if tracker.get_slot("exchange_confirm") is not True or product is None or variant is None:
            _reply(dispatcher, say("exchange_declined", lang), order)
            return _reset_task()
        try:
            made = orders().create_exchange(order.number, item.line_id, variant.sku, _exchange_reason(item, product, variant))
        except OrderError as exc:
            _order_error(dispatcher, exc, lang, order)
            return _reset_task()
        cfg = catalog().config
        address = (cfg.returns.address or cfg.contact.email).replace("\n", ", ")
        _reply(dispatcher, say("exchange_done", lang, reference=made.reference, product=product.name(lang), new=_variant_label(variant, lang),
                               label=made.label_url, item=_title(item, lang), old=_variant_text(item.size, item.color, lang), address=address), order)  # fmt: skip
        return _reset_task()


class ActionSubmitCancel(OrderAction):
    def name(self) -> str:
        return "action_submit_cancel"

    def respond(self, dispatcher, tracker, lang, order):  # noqa: ANN001
        if _blocked(dispatcher, tracker, lang, order):
            return _reset_task()
        cfg = catalog().config
        if order.status not in CANCELLABLE:
            if order.status in ("shipped", "out_for_delivery"):
                _reply(dispatcher, say("cancel_shipped", lang, number=order.number, date=_date(order.shipped_at or order.updated_at, lang),
                                       carrier=order.carrier or "–", days=cfg.returns.window_days), order)  # fmt: skip
            elif order.status == "delivered":
                buttons = [{"title": say("return_instead", lang), "payload": "/return_item"}, {"title": say("no_thanks", lang), "payload": "/deny"}]
                _reply(dispatcher, say("cancel_delivered", lang, number=order.number, date=_date(order.delivered_at or order.updated_at, lang)), order, buttons)
                return [*_reset_task(), SlotSet("pending_offer", "return")]
            else:
                _reply(dispatcher, say("cancel_already", lang, number=order.number, status=say(f"status_{order.status}", lang)), order)
            return _reset_task()
        if tracker.get_slot("cancel_confirm") is not True:
            _reply(dispatcher, say("cancel_declined", lang, number=order.number), order)
            return _reset_task()
        try:
            orders().cancel(order.number)
        except OrderError as exc:
            _order_error(dispatcher, exc, lang, order)
            return _reset_task()
        method = cfg.returns.refund_method.get(lang) or next(iter(cfg.returns.refund_method.values()))
        _reply(dispatcher, say("cancel_done", lang, number=order.number, method=method), order)
        return _reset_task()


class ActionOrderStopped(OrderAction):
    def name(self) -> str:
        return "action_order_stopped"

    def respond(self, dispatcher, tracker, lang, order):  # noqa: ANN001
        _reply(dispatcher, say("order_stopped", lang))
        return [*_reset_task(), SlotSet("requested_slot", None)]
