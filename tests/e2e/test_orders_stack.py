"""Order conversations over the REST webhook against the real stack (trained model, action
server over HTTP, SQLite orders database seeded with the demo orders). Facts in the replies are
checked against the orders backend and the store config."""

from __future__ import annotations

import shutil
import socket
import uuid

import pytest
import requests

from actions.texts import day
from catalog.importer import import_file
from catalog.store import Store
from orders import policy
from orders.demo import seed
from orders.sql import SqlOrders
from tests.conftest import DEMO_STORE, ROOT, running_stack
from tests.e2e.test_stack import ask, texts

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    data = tmp_path_factory.mktemp("e2e-orders")
    shutil.copytree(ROOT / "var" / "demo", data / "demo")  # built by `make index`
    shutil.copy(ROOT / "var" / "shopbot.db", data / "shopbot.db")  # the catalog table (stock)
    return data


@pytest.fixture(scope="module")
def backend(data, monkeypatch_module):
    monkeypatch_module.delenv("DATABASE_URL", raising=False)
    b = SqlOrders.open(DEMO_STORE, data)
    store = Store(DEMO_STORE)
    seed(b, import_file(store.catalog_file, store.config.categories).products)
    return b


@pytest.fixture(scope="module")
def monkeypatch_module():
    mp = pytest.MonkeyPatch()
    yield mp
    mp.undo()


@pytest.fixture(scope="module")
def stack(data, backend):
    with running_stack(data, 5105, 5155, 8180) as s:
        yield s


def sender() -> str:
    return f"e2e-orders-{uuid.uuid4()}"


def buttons(replies: list[dict]) -> list[dict]:
    return [b for r in replies for b in r.get("buttons") or []]


def test_status_in_two_messages_with_tracking_window_and_other_orders(stack, backend):
    who = sender()
    first = texts(ask(stack, "where's my order 100234?", who))
    assert "e-mail" in first and "100234" not in first.replace("100234?", "")  # nothing shown yet
    replies = ask(stack, "anna@example.org", who)
    reply = texts(replies)
    order = backend.get("100234")
    assert "is on its way" in reply and order.carrier in reply and order.tracking_number in reply and order.tracking_url in reply
    window = policy.delivery_window(order, Store(DEMO_STORE).config)
    assert day(window.earliest, "en") in reply and day(window.latest, "en") in reply
    assert {"100235", "100236"} <= {n for b in buttons(replies) for n in ("100235", "100236") if n in b["payload"]}
    picked = texts(ask(stack, '/order_status{"order_number": "100235"}', who))
    assert "100235" in picked and "has been delivered" in picked and "review" in picked


def test_status_in_german_in_one_message_with_postcode(stack, backend):
    reply = texts(ask(stack, "Wo ist meine Bestellung? 100239, PLZ 1060", sender(), language="de"))
    assert "100239" in reply and "gepackt" in reply
    assert "Voraussichtlicher Versand" in reply


def test_wrong_email_looks_like_an_unknown_number(stack):
    a, b = sender(), sender()
    ask(stack, "Wo ist meine Bestellung 100234?", a, language="de")
    ask(stack, "Wo ist meine Bestellung 199999?", b, language="de")
    wrong_email = texts(ask(stack, "eve@example.org", a, language="de"))
    unknown = texts(ask(stack, "anna@example.org", b, language="de"))
    assert wrong_email == unknown and "keine Bestellung" in wrong_email
    assert "Anna" not in wrong_email and "Stadtwind" not in wrong_email


def test_five_failures_lock_out_and_offer_a_person(stack):
    who = sender()
    ask(stack, "where is my order?", who)
    for _ in range(4):
        reply = texts(ask(stack, "100234 mallory@example.org", who))
        assert "can't find an order" in reply
    reply = texts(ask(stack, "100234 mallory@example.org", who))
    assert "For security reasons" in reply and "service@bergfink-outdoor.example" in reply
    reply = texts(ask(stack, "where is my order 100234? anna@example.org", who))
    assert "For security reasons" in reply and "on its way" not in reply


def test_return_in_german_with_reason_button_and_confirmation(stack, backend):
    who = sender()
    texts(ask(stack, "Ich möchte den Lautsprecher zurückgeben", who, language="de"))
    ask(stack, "100245", who, language="de")
    reply = texts(ask(stack, "50667", who, language="de"))
    assert "Warum" in reply  # the speaker was named in the first message
    reply = texts(ask(stack, '/provide_order_info{"reason": "damaged"}', who, language="de"))
    assert "Soll ich die Rücksendung anlegen?" in reply
    reply = texts(ask(stack, "/affirm", who, language="de"))
    made = backend.returns_of("100245")[-1]
    assert made.rma in reply and made.label_url in reply and made.lines[0].reason == "damaged"
    assert "14 Tage" in reply


def test_return_refused_for_vitamins_and_outside_the_window(stack):
    who = sender()
    ask(stack, "I want to return something from order 100235", who)
    reply = texts(ask(stack, "anna@example.org", who))
    assert "hygiene" in reply and "Which items" in reply
    reply = texts(ask(stack, "the vitamins", who))
    assert "supplements cannot be returned" in reply
    ask(stack, "stop", who)
    other = sender()
    ask(stack, "I'd like to return my trail shoes, order 100237", other)
    reply = texts(ask(stack, "ben.mueller@example.de", other))
    assert "Unfortunately nothing from order 100237 can be returned" in reply and "return window closed" in reply


def test_exchange_sold_out_size_offers_alternatives_then_reserves(stack, backend):
    who = sender()
    ask(stack, "I'd like to exchange the rain jacket from order 100235", who)
    reply = texts(ask(stack, "anna@example.org", who))
    assert "Which size or colour" in reply
    replies = ask(stack, "XL please", who)
    reply = texts(replies)
    assert "sold out" in reply and "size L" in reply
    assert "/return_item" in [b["payload"] for b in buttons(replies)]
    before = backend.available_stock("WB3-L-RED")
    assert "Shall I create the exchange?" in texts(ask(stack, "then L", who))
    reply = texts(ask(stack, "/affirm", who))
    assert "EX-100235-" in reply and backend.available_stock("WB3-L-RED") == before - 1


def test_cancel_in_german_and_shipped_order_in_english(stack, backend):
    who = sender()
    ask(stack, "Ich möchte meine Bestellung 100236 stornieren", who, language="de")
    reply = texts(ask(stack, "10115", who, language="de"))
    assert "Soll ich sie stornieren?" in reply
    reply = texts(ask(stack, "/affirm", who, language="de"))
    assert "storniert" in reply and backend.get("100236").status == "cancelled"
    other = sender()
    ask(stack, "please cancel my order 100234", other)
    reply = texts(ask(stack, "10115", other))
    assert "can no longer be cancelled" in reply and "30 days" in reply
    assert backend.get("100234").status == "shipped"


def test_topic_switch_inside_a_form_and_stop(stack):
    who = sender()
    ask(stack, "Wo ist meine Bestellung 100234?", who, language="de")
    reply = texts(ask(stack, "Moment, wie lange dauert der Versand nach Österreich?", who, language="de"))
    zone = Store(DEMO_STORE).config.zone_for("AT")
    assert f"{zone.days[0]}–{zone.days[1]} Werktage" in reply
    assert "E-Mail-Adresse der Bestellung oder die Postleitzahl" in reply  # and back to the form
    assert "abgebrochen" in texts(ask(stack, "abbrechen", who, language="de"))
    assert "Bestellnummer" not in texts(ask(stack, "Hallo", who, language="de"))


def test_another_shops_order_is_refused_and_the_next_order_question_starts_afresh(stack, backend):
    """The refusal ends the order form: the next message is no answer to it, and an order
    question of this shop then asks for the number as usual."""
    who = sender()
    replies = ask(stack, "Where is my Megastore order?", who)
    reply = texts(replies)
    assert len(replies) == 1, reply  # the status action after the ended form says nothing
    assert "can't help with orders from other shops" in reply and "Megastore" in reply
    assert "order number" in reply.split("Megastore directly.")[-1]  # only the offer, no question of the form
    assert "has been delivered" not in texts(ask(stack, "ok thanks", who))
    again = texts(ask(stack, "Where is my order 100234?", who))
    assert "e-mail" in again


def test_sql_and_html_in_the_fields_are_harmless(stack, backend):
    who = sender()
    ask(stack, "where is my order 100234'; DROP TABLE shopbot_orders; --", who)
    reply = texts(ask(stack, "<script>alert(1)</script>anna@example.org", who))
    assert "<script>" not in reply
    assert backend.get("100234") is not None


def test_delivered_order_cannot_be_cancelled_and_yes_starts_the_return(stack):
    who = sender()
    ask(stack, "Ich möchte die Bestellung 100246 stornieren", who, language="de")
    replies = ask(stack, "lea.fischer@example.de", who, language="de")
    assert "zugestellt" in texts(replies) and "/return_item" in [b["payload"] for b in buttons(replies)]
    reply = texts(ask(stack, "ja", who, language="de"))
    assert "Welche Artikel aus Bestellung 100246" in reply and "Tierfutter" in reply


def test_postcode_guesses_from_fresh_conversations_do_not_open_the_order(stack, backend):
    """Issue 14: 25 wrong postcodes for one order, each from a new conversation id, then the right
    postcode from a new id does not open it; the right e-mail address does."""
    order = backend.get("100244")
    for k in range(25):
        who = sender()
        ask(stack, "where is my order 100244?", who)
        reply = texts(ask(stack, f"{int(order.postal_code) + 1 + k:05d}", who))
        assert "on its way" not in reply and order.tracking_number not in reply
    who = sender()
    ask(stack, "where is my order 100244?", who)
    reply = texts(ask(stack, order.postal_code, who))
    assert order.tracking_number not in reply and "e-mail address the order was placed with" in reply
    who = sender()
    ask(stack, "where is my order 100244?", who)
    reply = texts(ask(stack, order.email, who))
    assert "on its way" in reply and order.tracking_number in reply


def test_malformed_metadata_still_gets_an_answer(stack):
    hostile = {"product_id": ["trailrunner-gtx"], "country": {"code": "AT"}, "language": "x" * 5000, "cart": "all"}
    replies = ask(stack, "Was kostet der Versand?", sender(), **hostile)
    assert texts(replies).strip()


def test_oversized_request_is_refused_before_nlu(stack):
    response = requests.post(f"http://127.0.0.1:{stack.rasa_port}/webhooks/rest/webhook",
                             json={"sender": sender(), "message": "x" * 40000}, timeout=30)  # fmt: skip
    assert response.status_code == 413 and "32768" in response.json()[0]["text"]


def test_action_server_listens_on_loopback_only(stack):
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))  # no packet is sent: this only picks the outgoing interface
        own = probe.getsockname()[0]
    finally:
        probe.close()
    if own.startswith("127."):
        pytest.skip("no network interface besides loopback")
    assert requests.get(f"http://127.0.0.1:{stack.action_port}/health", timeout=5).status_code == 200
    with pytest.raises(requests.ConnectionError):
        requests.get(f"http://{own}:{stack.action_port}/health", timeout=5)


def test_client_address_is_set_by_the_channel_not_by_the_shopper(stack, data):
    import json
    import sqlite3

    who = sender()
    ask(stack, "Hallo", who, shopbot_client="10.1.2.3")
    requests.post(f"http://127.0.0.1:{stack.rasa_port}/webhooks/rest/webhook", json={"sender": who, "message": "Hallo"},
                  headers={"X-Forwarded-For": "203.0.113.77"}, timeout=30)  # fmt: skip
    with sqlite3.connect(data / "conversations.db") as db:
        rows = db.execute("SELECT data FROM events WHERE sender_id = ? AND type_name = 'user' ORDER BY id", (who,)).fetchall()
    seen = [json.loads(r[0])["metadata"].get("shopbot_client") for r in rows]
    assert seen == ["127.0.0.1", "203.0.113.77"]  # loopback is a trusted proxy by default


def test_a_new_session_forgets_the_proven_order(stack):
    who = sender()
    ask(stack, "where's my order 100236?", who)
    assert "100236" in texts(ask(stack, "anna@example.org", who))
    assert "100236" in texts(ask(stack, "where's my order?", who))  # the proof holds in the session
    ask(stack, "/session_start", who)  # what Rasa does after `session_expiration_time`
    reply = texts(ask(stack, "where's my order?", who))
    assert "What is the order number?" in reply and "100236" not in reply
