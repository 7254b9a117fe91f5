"""The order actions that change an order: returns, exchanges and cancellation
(actions/order_returns.py, order_exchange.py, order_cancel.py), against rasa-sdk Trackers, the
indexed test store and the in-memory orders backend of tests/order_helpers.py."""

from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from actions.order_cancel import ActionAskCancelConfirm, ActionSubmitCancel, ValidateCancelForm
from actions.order_exchange import (
    ActionAskExchangeVariant,
    ActionSubmitExchange,
    ValidateExchangeForm,
)
from actions.order_returns import (
    ActionAskReturnConfirm,
    ActionAskReturnItems,
    ActionSubmitReturn,
    ValidateReturnForm,
)
from orders.api import ReturnLine
from tests.order_helpers import DOMAIN, fake_backend, make_tracker, proven, run  # noqa: F401  (fake_backend: the `backend` fixture)

# --- returns ----------------------------------------------------------------------------------


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


# --- exchanges --------------------------------------------------------------------------------


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


# --- cancellation -----------------------------------------------------------------------------


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


# --- the next task, language ------------------------------------------------------------------


def test_a_new_form_forgets_the_previous_task(backend):
    slots = {**proven("200002"), "return_confirm": True, "return_items": [1], "return_reason": "other"}
    _, new, _ = run(ValidateReturnForm(), make_tracker("I want to return something", intent="return_item", slots=slots))
    assert new["return_confirm"] is None and new["requested_slot"] == "return_items"


def test_yes_to_the_return_offer_starts_the_return_form(backend):
    from actions.conversation import ActionYesNo

    dispatcher = CollectingDispatcher()
    events = ActionYesNo().run(dispatcher, make_tracker("ja", intent="affirm", slots={"pending_offer": "return"}), DOMAIN)
    assert any(e["event"] == "followup" and e["name"] == "return_form" for e in events)
    assert dispatcher.messages == []


def test_a_button_payload_keeps_the_conversation_language(backend):
    slots = {**proven("200002"), "return_items": [1], "language": "de", "requested_slot": "return_reason"}
    tracker = make_tracker('/provide_order_info{"reason": "damaged"}', slots={**slots, "return_reason": "damaged"})
    text, _, _ = run(ActionAskReturnConfirm(), tracker)
    assert "Soll ich die Rücksendung anlegen?" in text
