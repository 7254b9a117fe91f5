"""An order placed at another shop gets the polite refusal, not the request for an order number
(`catalog/other_shop.py`, `actions/order_status.py`); an order of this shop, of a brand it sells,
sent to a country or carried by a carrier still starts the order task."""

from __future__ import annotations

import pytest

from bench.answer_scoring import REFUSAL
from catalog.other_shop import other_shop

OWN = ["Bergwerk Outfitters", "https://bergwerk-outfitters.example", "DHL", "Swiss Post"]
BRANDS = ["Vaude", "The North Face"]
SELLS = {"helm", "jacke", "schuhe", "boots"}.__contains__


@pytest.mark.parametrize(
    ("text", "shop"),
    [
        ("Where is my Megastore order?", "Megastore"),
        ("What's the status of my order at Kaufhaus Krone?", "Kaufhaus Krone"),
        ("I ordered a jacket from Parkhof last week, where is it?", "Parkhof"),
        ("Wo bleibt meine Bestellung bei Versandriese?", "Versandriese"),
        ("Ich habe bei Schnäppchenland bestellt, wann kommt das Paket?", "Schnäppchenland"),
        ("Wo ist meine Kaufrausch-Bestellung?", "Kaufrausch"),
    ],
)
def test_an_order_question_naming_another_shop(text: str, shop: str) -> None:
    assert other_shop(text, OWN, BRANDS, SELLS) == shop


@pytest.mark.parametrize(
    "text",
    [
        "Where is my order?",
        "Where is my Bergwerk order?",  # this shop
        "Wo ist meine Bestellung von letzter Woche?",
        "Wo ist meine Bestellung von Montag?",
        "Ich habe bei Ihnen bestellt, wo bleibt das Paket?",
        "Where is my order from Austria?",  # a destination
        "Wo ist meine Lieferung von DHL?",  # a carrier
        "Where is my Vaude order?",  # a brand this shop sells
        "I ordered The North Face jacket from you",
        "Wo ist meine Helm-Bestellung?",  # a kind of product this shop sells
        "Where is my Christmas order?",
        "Was ist mit meiner Online-Bestellung?",
    ],
)
def test_an_order_of_this_shop_is_no_other_shop(text: str) -> None:
    assert other_shop(text, OWN, BRANDS, SELLS) is None


def test_the_order_task_refuses_another_shops_order_and_ends(run_action) -> None:
    """The form's ask action says it can't help with another shop's order (in a way a shopper
    reads as a refusal) and ends the form; the status action after it says nothing."""
    from actions.order_status import ActionAskOrderNumber, ActionOrderStatus

    for text, lang in (("Where is my Megastore order?", "en"), ("Wo ist meine Bestellung bei Versandriese?", "de")):
        messages, slots = run_action(ActionAskOrderNumber(), text, "order_status", metadata={"language": lang})
        reply = messages[0]["text"]
        assert REFUSAL.search(reply) and ("Megastore" in reply or "Versandriese" in reply), reply
        assert "requested_slot" in slots and slots["requested_slot"] is None
        messages, _ = run_action(ActionOrderStatus(), text, "order_status", metadata={"language": lang})
        assert messages == []
    messages, slots = run_action(ActionAskOrderNumber(), "Where is my order?", "order_status", metadata={"language": "en"})
    assert "order number" in messages[0]["text"] and "requested_slot" not in slots
    # another task than the status keeps asking for the number (a return of another shop's goods is refused by its rules)
    messages, _ = run_action(ActionAskOrderNumber(), "I want to return my Megastore order", "return_item", metadata={"language": "en"})
    assert "order number" in messages[0]["text"]
