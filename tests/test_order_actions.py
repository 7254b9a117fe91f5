"""The order actions of proving an order and its status (actions/order_forms.py,
actions/order_status.py), the stop and the domain, against rasa-sdk Trackers, the indexed test
store and a small in-memory orders backend (tests/order_helpers.py; the real backend runs in
tests/e2e/test_orders_stack.py and tests/stories/test_orders.yml). Returns, exchanges and
cancellation: tests/test_order_changes.py."""

from __future__ import annotations

import pytest

from actions import context
from actions.order_forms import ValidateOrderVerificationForm
from actions.order_returns import ValidateReturnForm
from actions.order_status import ActionOrderStatus, ActionOrderStopped
from tests.conftest import ROOT
from tests.order_helpers import DOMAIN, fake_backend, make_tracker, order, proven, run  # noqa: F401  (fake_backend: the `backend` fixture)

# --- proving the order ------------------------------------------------------------------------


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


# --- status -----------------------------------------------------------------------------------


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


# --- stop, the domain, the backend ------------------------------------------------------------


def test_stop_resets_the_task(backend):
    text, slots, _ = run(ActionOrderStopped(), make_tracker("abbrechen", intent="stop", slots={"return_items": [1]}))
    assert "abgebrochen" in text and slots["return_items"] is None


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
