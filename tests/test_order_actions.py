"""The order actions (actions/order_*.py) against rasa-sdk Trackers, the indexed test
store and a small in-memory orders backend (a fake at the boundary; the real backend runs in
tests/e2e/test_orders_stack.py and tests/stories/test_orders.yml)."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from pathlib import Path

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import context
from actions.order_cancel import ActionAskCancelConfirm, ActionSubmitCancel, ValidateCancelForm
from actions.order_exchange import (
    ActionAskExchangeVariant,
    ActionSubmitExchange,
    ValidateExchangeForm,
)
from actions.order_forms import ValidateOrderVerificationForm
from actions.order_returns import (
    ActionAskReturnConfirm,
    ActionAskReturnItems,
    ActionSubmitReturn,
    ValidateReturnForm,
)
from actions.order_status import ActionOrderStatus, ActionOrderStopped
from orders.api import CANCELLABLE, Exchange, Order, OrderError, OrderItem, Return, ReturnLine
from tests.conftest import ROOT

NOW = dt.datetime.now(dt.timezone.utc)
DOMAIN = yaml.safe_load(Path(ROOT / "domain.yml").read_text(encoding="utf-8"))


def item(line: int, pid: str, sku: str, title: str, category: str, size: str | None, color: str | None, qty: int = 1, price: float = 50.0, returned: int = 0) -> OrderItem:
    return OrderItem(line, pid, sku, title, category, size, color, qty, price, returned)


def order(number: str, status: str, days: float, items: tuple[OrderItem, ...], email: str = "anna@example.org", postcode: str = "10115", country: str = "DE") -> Order:
    created = NOW - dt.timedelta(days=days)
    shipped = created + dt.timedelta(hours=20) if status in ("shipped", "out_for_delivery", "delivered") else None
    delivered = created + dt.timedelta(days=2) if status == "delivered" else None
    tracking = ("DHL", "00340434000000000001", "https://track.example/00340434000000000001") if shipped else (None, None, None)
    return Order(number, email, "Anna Schmidt", "Invalidenstraße 44", postcode, "Berlin", country, "de", status, created, created,
                 shipped, delivered, *tracking, 4.9, "PayPal", items)  # fmt: skip


class FakeOrders:
    """The OrdersBackend protocol in memory (no `eligibility` method: the actions fall back to
    orders.policy with the catalog's tags, as for any backend)."""

    def __init__(self, orders: list[Order]):
        self.orders = {o.number: o for o in orders}
        self.failures: list[tuple[str, dt.datetime]] = []
        self.misses: list[tuple[str | None, str | None]] = []  # (order number, "email" / "postcode")
        self.returns: list[tuple[str, list[ReturnLine]]] = []
        self.exchanges: list[tuple[str, int, str, str]] = []
        self.cancelled: list[str] = []
        self.stock: dict[str, int] = {}

    def get(self, number):
        return self.orders.get(number)

    def verify(self, number, *, email=None, postal_code=None):
        o = self.orders.get(number)
        if o is None or (email is not None and o.email != email) or (postal_code is not None and o.postal_code != postal_code):
            return None
        return o

    def list_by_email(self, email):
        return sorted((o for o in self.orders.values() if o.email == email), key=lambda o: o.created_at, reverse=True)

    def create_return(self, number, lines, refund_method, now=None, *, idempotency_key=None):
        self.returns.append((number, list(lines)))
        return Return(f"RMA-{number}-{len(self.returns)}", number, tuple(lines), refund_method, 99.0, f"https://labels.example/RMA-{number}", NOW)

    def create_exchange(self, number, line_id, new_sku, reason, now=None, *, idempotency_key=None):
        if self.available_stock(new_sku) <= 0:
            raise OrderError("out_of_stock", "gone")
        self.exchanges.append((number, line_id, new_sku, reason))
        return Exchange(f"EX-{number}-1", number, line_id, "old", new_sku, reason, f"https://labels.example/EX-{number}-1", NOW)

    def cancel(self, number, *, idempotency_key=None):
        if self.orders[number].status not in CANCELLABLE:
            raise OrderError("not_cancellable", "too late")
        self.cancelled.append(number)
        return self.orders[number]

    def available_stock(self, sku):
        if sku in self.stock:
            return self.stock[sku]
        for p in context.catalog().products.values():
            for v in p.variants:
                if v.sku == sku:
                    return v.stock
        return 0

    def record_failed_verification(self, conversation_id, now=None, *, order_number=None, client=None, proof=None):
        self.failures.append((conversation_id, NOW))
        self.misses.append((order_number, proof))
        return sum(1 for c, _ in self.failures if c == conversation_id)

    def locked_until(self, conversation_id, now=None, *, client=None):
        count = sum(1 for c, _ in self.failures if c == conversation_id)
        return NOW + dt.timedelta(minutes=15) if count >= 5 else None

    def postcode_blocked_until(self, number, now=None):
        return None  # the rule itself is tested with the real backend (tests/test_order_proof.py)


@pytest.fixture
def backend(test_catalog):
    fake = FakeOrders([
        order("200001", "shipped", 1, (item(1, "trailrunner-gtx", "TRG-42-BLK", "TrailRunner GTX", "shoes", "42", "black"),
                                       item(2, "merino-socks", "MTS-39", "Merino Socks", "clothing", "39-42", "grey", 2, 15.0)), postcode="10115"),
        order("200002", "delivered", 5, (item(1, "nordwand-parka", "NWP-M-BLK", "Nordwand Parka", "clothing", "M", "black", price=229.0),
                                         item(2, "vitamin-d3-1000", "VD3-1000", "Vitamin D3", "vitamins", None, None),
                                         item(3, "velo-rain-shell", "VRS-S-YEL", "Velo Rain Shell", "clothing", "S", "yellow", price=89.9))),
        order("200003", "paid", 0.1, (item(1, "airpure-300", "AP300", "AirPure 300", "home", None, "white", price=199.0),)),
        order("200004", "delivered", 45, (item(1, "bergpfad-wanderschuh", "BPW-42-BRN", "Bergpfad", "shoes", "42", "brown"),),
              email="ben@example.de", postcode="80331"),
    ])  # fmt: skip
    context.use_orders_backend(fake)
    yield fake
    context.use_orders_backend(None)


def make_tracker(text: str, intent: str = "provide_order_info", slots: dict | None = None, set_now: dict | None = None,
                 sender: str = "shopper-1", history: list[dict] | None = None) -> Tracker:  # fmt: skip
    """A tracker right after a user message; `set_now` are the slots Rasa's mappings filled from it."""
    slots = {name: None for name in DOMAIN["slots"]} | {"requested_slot": None} | (slots or {}) | (set_now or {})
    latest = {"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": [], "metadata": {}}
    events = list(history or []) + [{"event": "user", "text": text, "parse_data": latest}]
    events += [{"event": "slot", "name": k, "value": v} for k, v in (set_now or {}).items()]
    return Tracker(sender, slots, latest, events, False, None, {"name": "x"}, "action_listen")


def run(action, tracker: Tracker) -> tuple[str, dict, list[dict]]:
    dispatcher = CollectingDispatcher()
    result = action.run(dispatcher, tracker, DOMAIN)
    events = asyncio.run(result) if asyncio.iscoroutine(result) else result
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    return "\n".join(m.get("text") or "" for m in dispatcher.messages), slots, dispatcher.messages


def proven(number: str, contact: str = "anna@example.org", **extra) -> dict:
    return {"order_number": number, "order_contact": contact, "order_verified": number, "order_proof_at": time.time(), **extra}


# --- proving the order --------------------------------------------------------------------


def test_number_and_email_in_one_message_prove_the_order(backend):
    tracker = make_tracker("it's 200001, anna@example.org", intent="order_status")
    _, slots, _ = run(ValidateOrderVerificationForm(), tracker)
    assert slots["order_number"] == "200001" and slots["order_contact"] == "anna@example.org"
    assert slots["order_verified"] == "200001"
    assert slots["requested_slot"] is None  # all known: the form completes
    assert backend.failures == []


def test_parts_in_two_messages_and_postcode(backend):
    _, first, _ = run(ValidateOrderVerificationForm(), make_tracker("Wo ist meine Bestellung Nr. 200001?", intent="order_status"))
    assert first["order_number"] == "200001" and first["requested_slot"] == "order_contact"
    second = make_tracker("PLZ 10115", slots={**first}, set_now={"order_contact": "PLZ 10115"})
    _, slots, _ = run(ValidateOrderVerificationForm(), second)
    assert slots["order_contact"] == "10115" and slots["order_verified"] == "200001"


def test_wrong_length_number_is_explained_and_not_looked_up(backend):
    tracker = make_tracker("12345", slots={"requested_slot": "order_number"}, set_now={"order_number": "12345"})
    text, slots, _ = run(ValidateOrderVerificationForm(), tracker)
    assert "6 Ziffern" in text and "5" in text
    assert slots["order_number"] is None and slots["requested_slot"] == "order_number"
    assert backend.failures == []


def test_bad_email_is_explained(backend):
    tracker = make_tracker("anna@example", slots={"requested_slot": "order_contact", "order_number": "200001"}, set_now={"order_contact": "anna@example"})
    text, slots, _ = run(ValidateOrderVerificationForm(), tracker)
    assert "name@beispiel.de" in text or "name@example.com" in text
    assert slots["order_contact"] is None
    assert backend.failures == []


@pytest.mark.parametrize(("lang", "phrase"), [("de", "finde ich keine Bestellung"), ("en", "I can't find an order")])
def test_wrong_email_answers_exactly_like_an_unknown_number(backend, lang, phrase):
    wrong_email = make_tracker("200001 eve@example.org", intent="order_status", sender="a", slots={"language": lang})
    unknown = make_tracker("299999 anna@example.org", intent="order_status", sender="b", slots={"language": lang})
    text_a, slots_a, _ = run(ValidateOrderVerificationForm(), wrong_email)
    text_b, slots_b, _ = run(ValidateOrderVerificationForm(), unknown)
    assert text_a == text_b  # the same words: a wrong e-mail tells nothing about the order
    assert phrase in text_a
    assert slots_a == slots_b
    assert slots_a["order_verified"] is None and slots_a["requested_slot"] == "order_number"
    assert "Anna" not in text_a and "TrailRunner" not in text_a


def test_five_failures_lock_the_conversation_out(backend):
    for attempt in range(4):
        text, _, _ = run(ValidateOrderVerificationForm(), make_tracker(f"20000{attempt + 5} anna@example.org", intent="order_status"))
        assert str(4 - attempt) in text
    text, slots, _ = run(ValidateOrderVerificationForm(), make_tracker("200009 anna@example.org", intent="order_status"))
    assert slots["requested_slot"] is None  # form ends
    # the right data no longer helps, and the status action explains and offers a person
    _, slots, _ = run(ValidateOrderVerificationForm(), make_tracker("200001 anna@example.org", intent="order_status"))
    assert slots.get("order_verified") is None
    text, _, _ = run(ActionOrderStatus(), make_tracker("200001 anna@example.org", intent="order_status", slots={"order_number": "200001", "order_contact": "anna@example.org"}))
    assert "5" in text and "Kundenservice" in text and "service" in text.lower()
    assert "TrailRunner" not in text


def test_interrupting_question_fills_nothing(backend):
    tracker = make_tracker("wie lange dauert der Versand nach Österreich?", intent="ask_shipping", slots={"requested_slot": "order_contact", "order_number": "200001"})
    text, slots, _ = run(ValidateOrderVerificationForm(), tracker)
    assert text == ""
    assert set(slots) <= {"requested_slot"}  # nothing validated: Rasa rejects the form and answers the question


def test_sql_and_html_are_harmless(backend):
    tracker = make_tracker("200001'; DROP TABLE orders; -- <script>alert(1)</script> anna@example.org", intent="order_status")
    text, slots, _ = run(ValidateOrderVerificationForm(), tracker)
    assert slots["order_verified"] == "200001"
    assert "<script>" not in text


# --- status ------------------------------------------------------------------------------------


def test_status_of_a_shipped_order_has_tracking_and_window(backend):
    text, _, messages = run(ActionOrderStatus(), make_tracker("where is my order?", intent="order_status", slots=proven("200001")))
    assert "200001" in text and "is on its way" in text
    assert "DHL" in text and "00340434000000000001" in text and "https://track.example/" in text
    assert "Expected delivery" in text
    assert "TrailRunner GTX" in text
    assert messages[0]["sources"][0] == "order:200001"


def test_status_lists_the_other_orders_of_the_email(backend):
    _, _, messages = run(ActionOrderStatus(), make_tracker("where is my order?", intent="order_status", slots=proven("200001")))
    payloads = [b["payload"] for b in messages[0]["buttons"]]
    assert any("200002" in p for p in payloads) and any("200003" in p for p in payloads)
    assert not any("200004" in p for p in payloads)  # Ben's


def test_status_after_postcode_proof_lists_no_other_orders(backend):
    _, _, messages = run(ActionOrderStatus(), make_tracker("wo ist sie?", intent="order_status", slots=proven("200001", "10115")))
    assert not messages[0].get("buttons")


def test_delivered_order_suggests_a_complement_and_a_review(backend):
    slots = proven("200001")
    backend.orders["200001"] = order("200001", "delivered", 5, backend.orders["200001"].items[:1])
    text, _, messages = run(ActionOrderStatus(), make_tracker("Wo ist meine Bestellung?", intent="order_status", slots=slots))
    assert "zugestellt" in text and "Rücksendungen sind bis" in text
    assert "Merino" in text  # trailrunner's related product
    assert "http://shop.test/de/products/trailrunner-gtx" in text
    assert "merino-socks" in messages[0]["sources"]


def test_picking_another_order_of_the_proven_email_needs_no_new_proof(backend):
    tracker = make_tracker('/order_status{"order_number": "200002"}', intent="order_status", slots=proven("200001"))
    _, slots, _ = run(ValidateOrderVerificationForm(), tracker)
    assert slots["order_number"] == "200002" and slots["order_verified"] == "200002"
    assert backend.failures == []


def test_a_postcode_proves_only_its_own_order_and_a_kept_email_miss_counts(backend):
    # 200005 shares the postcode of the proven 200001 (a neighbour): the postcode is not tried on it
    backend.orders["200005"] = order("200005", "paid", 1, backend.orders["200003"].items, email="nachbar@example.org", postcode="10115")
    tracker = make_tracker("status of 200005", intent="order_status", slots=proven("200001", "10115"))
    text, slots, _ = run(ValidateOrderVerificationForm(), tracker)
    assert slots.get("order_verified") is None and "AirPure" not in text
    assert slots["order_contact"] is None and slots["requested_slot"] == "order_contact"
    assert backend.failures == []  # nothing was tried
    # an e-mail proves its other orders; tried on someone else's order it is a miss like any other
    text, slots, _ = run(ValidateOrderVerificationForm(), make_tracker("status of 200004", intent="order_status", slots=proven("200001")))
    assert slots.get("order_verified") is None and "Bergpfad" not in text
    assert backend.misses == [("200004", "email")]


# --- returns ------------------------------------------------------------------------------------


def test_return_lists_items_with_eligibility(backend):
    text, _, messages = run(ActionAskReturnItems(), make_tracker("return", intent="return_item", slots=proven("200002")))
    assert "1. 1× Nordwand Parka" in text and "returnable until" in text
    assert "hygiene" in text  # vitamins: the store's reason
    titles = [b["title"] for b in messages[0]["buttons"]]
    assert any("Nordwand" in t for t in titles) and not any("Vitamin" in t for t in titles)


def test_return_item_named_in_the_first_message_is_kept(backend):
    history = [{"event": "user", "text": "I want to return the parka", "parse_data": {"intent": {"name": "return_item"}}}]
    tracker = make_tracker("200002 anna@example.org", history=history, slots={"requested_slot": "order_number"}, set_now={"order_number": "200002 anna@example.org"})
    _, slots, _ = run(ValidateReturnForm(), tracker)
    assert slots["order_verified"] == "200002" and slots["return_items"] == [1]
    assert slots["requested_slot"] == "return_reason"


def test_return_of_an_excluded_item_is_refused_with_the_reason(backend):
    tracker = make_tracker("das Vitamin D3", slots={**proven("200002"), "requested_slot": "return_items"}, set_now={"return_items": "das Vitamin D3"})
    text, slots, _ = run(ValidateReturnForm(), tracker)
    assert slots["return_items"] is None and "hygienischen Gründen" in text


def test_return_outside_the_window_ends_the_form_and_explains(backend):
    tracker = make_tracker("return 200004 ben@example.de", intent="return_item")
    _, slots, _ = run(ValidateReturnForm(), tracker)
    assert slots["order_verified"] == "200004" and slots["requested_slot"] is None
    text, _, _ = run(ActionSubmitReturn(), make_tracker("I want to return it", intent="return_item", slots=proven("200004", "ben@example.de")))
    assert "nothing from order 200004" in text and "return window closed" in text and "30 days" in text


def test_return_happy_path_creates_the_return(backend):
    form = ValidateReturnForm()
    base = {**proven("200002"), "requested_slot": "return_items"}
    _, s1, _ = run(form, make_tracker("the parka and the rain shell", slots=base, set_now={"return_items": "the parka and the rain shell"}))
    assert s1["return_items"] == [1, 3] and s1["requested_slot"] == "return_reason"
    _, s2, _ = run(form, make_tracker("too small, sadly", slots={**base, **s1}, set_now={"return_reason": "too small, sadly"}))
    assert s2["return_reason"] == "too_small" and s2["return_comment"] == "too small, sadly"
    text, _, _ = run(ActionAskReturnConfirm(), make_tracker("", slots={**base, **s1, **s2}))
    assert "318,90 €" in text  # 229.00 + 89.90, free returns
    _, s3, _ = run(form, make_tracker("yes", intent="affirm", slots={**base, **s1, **s2, "requested_slot": "return_confirm"}, set_now={"return_confirm": "yes"}))
    assert s3["return_confirm"] is True and s3["requested_slot"] is None
    text, done, _ = run(ActionSubmitReturn(), make_tracker("yes", intent="affirm", slots={**base, **s1, **s2, **s3}))
    assert "RMA-200002-1" in text and "https://labels.example/" in text and "14 days" in text
    assert backend.returns == [("200002", [ReturnLine(1, 1, "too_small", "too small, sadly"), ReturnLine(3, 1, "too_small", "too small, sadly")])]
    assert done["return_items"] is None and done["return_confirm"] is None


def test_declined_confirmation_creates_nothing(backend):
    slots = {**proven("200002"), "return_items": [1], "return_reason": "other", "return_confirm": False}
    text, _, _ = run(ActionSubmitReturn(), make_tracker("nein", intent="deny", slots=slots))
    assert "keine Rücksendung" in text and backend.returns == []


def test_unclear_confirmation_asks_again(backend):
    slots = {**proven("200002"), "return_items": [1], "return_reason": "other", "requested_slot": "return_confirm"}
    text, new, _ = run(ValidateReturnForm(), make_tracker("hmm vielleicht", intent="nlu_fallback", slots=slots, set_now={"return_confirm": "hmm vielleicht"}))
    assert "Ja oder Nein" in text and new["return_confirm"] is None


# --- exchanges ------------------------------------------------------------------------------------


def test_exchange_size_in_stock_is_reserved_on_confirmation(backend):
    form = ValidateExchangeForm()
    base = {**proven("200002"), "requested_slot": "exchange_item"}
    _, s1, _ = run(form, make_tracker("the parka", slots=base, set_now={"exchange_item": "the parka"}))
    assert s1["exchange_item"] == 1 and s1["requested_slot"] == "exchange_variant"
    _, s2, _ = run(form, make_tracker("in L please", slots={**base, **s1}, set_now={"exchange_variant": "in L please"}))
    assert s2["exchange_variant"] == "NWP-L-BLK"  # colour kept from the order
    text, _, _ = run(ActionSubmitExchange(), make_tracker("ja", intent="affirm", slots={**base, **s1, **s2, "exchange_confirm": True}))
    assert "EX-200002-1" in text and "reserviert" in text
    assert backend.exchanges == [("200002", 1, "NWP-L-BLK", "too_small")]


def test_exchange_out_of_stock_offers_alternatives_and_a_refund(backend):
    backend.stock["VRS-M-YEL"] = 0
    slots = {**proven("200002"), "exchange_item": 3, "requested_slot": "exchange_variant"}
    text, new, messages = run(ValidateExchangeForm(), make_tracker("size M", slots=slots, set_now={"exchange_variant": "size M"}))
    assert new["exchange_variant"] is None
    assert "sold out" in text and "black" in text  # M in black is in stock
    payloads = [b["payload"] for b in messages[0]["buttons"]]
    assert "/return_item" in payloads and any("VRS-M-BLK" in p for p in payloads)


def test_exchange_asks_with_live_stock(backend):
    backend.stock["NWP-L-RED"] = 0
    text, _, _ = run(ActionAskExchangeVariant(), make_tracker("I want to exchange the parka", slots={**proven("200002"), "exchange_item": 1}))
    assert "size L in black" in text and "red" not in text


def test_exchange_of_a_one_version_product_is_refused(backend):
    slots = {**proven("200003", "anna@example.org")}
    _, new, _ = run(ValidateExchangeForm(), make_tracker("200003 anna@example.org", intent="exchange_item", slots={}))
    assert new["order_verified"] == "200003" and new["requested_slot"] is None
    text, _, _ = run(ActionSubmitExchange(), make_tracker("", slots=slots))
    assert "nichts umtauschen" in text or "nothing from order" in text


# --- cancellation -----------------------------------------------------------------------------------


def test_cancel_a_paid_order_after_confirmation(backend):
    _, new, _ = run(ValidateCancelForm(), make_tracker("Bestellung 200003 stornieren, anna@example.org", intent="cancel_order"))
    assert new["requested_slot"] == "cancel_confirm"
    text, _, messages = run(ActionAskCancelConfirm(), make_tracker("", slots=proven("200003")))
    assert "AirPure 300" in text and "203,90 €" in text  # with shipping
    text, _, _ = run(ActionSubmitCancel(), make_tracker("ja", intent="affirm", slots={**proven("200003"), "cancel_confirm": True}))
    assert "storniert" in text and backend.cancelled == ["200003"]


def test_cancel_a_shipped_order_is_explained_and_turned_into_a_return_offer(backend):
    _, new, _ = run(ValidateCancelForm(), make_tracker("cancel order 200001 anna@example.org", intent="cancel_order"))
    assert new["requested_slot"] is None  # nothing to confirm
    text, _, _ = run(ActionSubmitCancel(), make_tracker("cancel order 200001", intent="cancel_order", slots=proven("200001")))
    assert "can no longer be cancelled" in text and "DHL" in text and "30 days" in text
    assert backend.cancelled == []
    text, slots, messages = run(ActionSubmitCancel(), make_tracker("cancel order 200002", intent="cancel_order", slots=proven("200002")))
    assert "return it instead" in text and messages[0]["buttons"][0]["payload"] == "/return_item"


# --- stop, language, slots -----------------------------------------------------------------------


def test_stop_resets_the_task(backend):
    text, slots, _ = run(ActionOrderStopped(), make_tracker("abbrechen", intent="stop", slots={"return_items": [1]}))
    assert "abgebrochen" in text and slots["return_items"] is None


def test_a_new_form_forgets_the_previous_task(backend):
    slots = {**proven("200002"), "return_confirm": True, "return_items": [1], "return_reason": "other"}
    _, new, _ = run(ValidateReturnForm(), make_tracker("I want to return something", intent="return_item", slots=slots))
    assert new["return_confirm"] is None and new["requested_slot"] == "return_items"


def test_every_order_action_is_in_the_domain():
    from rasa_sdk import Action

    names = {cls().name() for cls in _concrete(Action) if cls.__module__.startswith("actions.order_")}
    assert names == {a for a in DOMAIN["actions"] if a.startswith(("validate_", "action_ask_", "action_order", "action_submit"))}


def _concrete(base):
    import inspect

    out = []
    for sub in base.__subclasses__():
        out += _concrete(sub)
        if not inspect.isabstract(sub):
            out.append(sub)
    return out


def test_yes_to_the_return_offer_starts_the_return_form(backend):
    from actions.conversation import ActionYesNo

    dispatcher = CollectingDispatcher()
    events = ActionYesNo().run(dispatcher, make_tracker("ja", intent="affirm", slots={"pending_offer": "return"}), DOMAIN)
    assert any(e["event"] == "followup" and e["name"] == "return_form" for e in events)
    assert dispatcher.messages == []


def test_asking_for_the_status_again_inside_the_status_form_reads_the_number(backend):
    tracker = make_tracker("where's my order 200002?", intent="order_status", slots={"requested_slot": "order_contact", "order_number": "200001"})
    _, slots, _ = run(ValidateOrderVerificationForm(), tracker)
    assert slots["order_number"] == "200002"


def test_kept_contact_resent_at_form_start_is_not_a_failed_attempt(backend):
    # Rasa re-sends slots that are already filled as if set now when a form starts
    tracker = make_tracker("return order 200004", intent="return_item", slots=proven("200001", "10115"),
                           set_now={"order_number": "200004", "order_contact": "10115"})  # fmt: skip
    text, slots, _ = run(ValidateReturnForm(), tracker)
    assert slots["order_contact"] is None and slots["requested_slot"] == "order_contact"
    assert backend.failures == [] and text == ""


def test_a_button_payload_keeps_the_conversation_language(backend):
    slots = {**proven("200002"), "return_items": [1], "language": "de", "requested_slot": "return_reason"}
    tracker = make_tracker('/provide_order_info{"reason": "damaged"}', slots={**slots, "return_reason": "damaged"})
    text, _, _ = run(ActionAskReturnConfirm(), tracker)
    assert "Soll ich die Rücksendung anlegen?" in text


def test_action_server_opens_one_backend_by_the_catalog_rule(tmp_path, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("SHOPBOT_STORE", str(ROOT / "stores" / "demo"))
    monkeypatch.setenv("SHOPBOT_DATA", str(tmp_path))
    context.use_orders_backend(None)
    try:
        first = context.orders()
        assert first is context.orders()  # once per process
        assert first.url == f"sqlite:///{tmp_path.resolve() / 'shopbot.db'}"
    finally:
        context.use_orders_backend(None)
