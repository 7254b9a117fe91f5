"""The shop-side custom actions that are not about one product (search, refine, select,
shipping, policies, conversation) and what every action shares (registered actions, slot
changes, the store's currency), run against a rasa-sdk Tracker and the indexed test store.
Sizes, fit, facts and comparisons of products: tests/test_product_actions.py."""

from __future__ import annotations

import pytest

from actions.conversation import ActionFallback, ActionInvalidInput, ActionSmalltalk, ActionYesNo
from actions.policies import ActionAnswerPolicy
from actions.product_questions import ActionProductInfo
from actions.search import ActionRefineSearch, ActionSearchProducts, ActionSelectProduct
from actions.shipping import ActionAnswerShipping
from actions.sizing import ActionAnswerSize


def text(messages) -> str:
    return "\n".join(m.get("text") or "" for m in messages)


def test_search_honours_price_and_finds_german_only_product_from_english(run_action):
    messages, slots = run_action(ActionSearchProducts(), "waterproof hiking boots under 150 €", "search_product")
    shown = slots["shown_products"]
    assert "bergpfad-wanderschuh" in shown  # German-only text, English question
    assert "trailrunner-gtx" in shown
    catalog_ids = {"nordwand-parka", "airpure-300"}
    assert not catalog_ids & set(shown)
    reply = text(messages)
    assert "Bergpfad Wanderschuh" in reply and "€129.00" in reply
    assert "http://shop.test/en/products/bergpfad-wanderschuh" in reply
    card = messages[0]["custom"]
    assert card["type"] == "products" and card["products"][0]["id"] in shown
    assert messages[0]["sources"] == shown
    assert slots["language"] == "en"


def test_search_in_german_finds_english_only_product(run_action):
    messages, slots = run_action(ActionSearchProducts(), "Ich suche eine leichte Regenjacke zum Radfahren", "search_product")
    assert slots["shown_products"][0] == "velo-rain-shell"
    assert slots["language"] == "de"
    assert "89,90 €" in text(messages)


def catalog_price(product_id: str) -> float:
    from actions.context import catalog

    return catalog().get(product_id).min_price


def test_search_price_limit_excludes_expensive(run_action):
    _, slots = run_action(ActionSearchProducts(), "Jacke unter 100 Euro", "search_product")
    assert "velo-rain-shell" in slots["shown_products"]
    assert "nordwand-parka" not in slots["shown_products"]  # 229 € and more
    assert all(catalog_price(pid) < 100 for pid in slots["shown_products"])


def test_search_with_nothing_matching_says_so_and_offers_a_human(run_action):
    messages, slots = run_action(ActionSearchProducts(), "Ich suche einen Rasenmäher mit Benzinmotor", "search_product")
    reply = text(messages)
    assert slots["shown_products"] == []
    assert "nichts gefunden" in reply and "Mitarbeiter" in reply
    assert slots["pending_offer"] == "handoff"


def test_refine_with_colour_keeps_previous_query(run_action):
    _, first = run_action(ActionSearchProducts(), "rain jacket for cycling", "search_product")
    slots = {**first}
    messages, second = run_action(ActionRefineSearch(), "and in black?", "refine_search", slots=slots)
    assert second["shown_products"][0] == "velo-rain-shell"
    assert "available in black" in text(messages)


def test_refine_cheaper_lowers_price_limit(run_action):
    _, first = run_action(ActionSearchProducts(), "winter jacket", "search_product")
    messages, second = run_action(ActionRefineSearch(), "anything cheaper?", "refine_search", slots=first)
    most_expensive_before = 229.0
    for pid in second["shown_products"]:
        assert pid != "nordwand-parka"
    assert second["last_search"]["max_price"] < most_expensive_before


def test_select_second_product(run_action):
    slots = {"shown_products": ["trailrunner-gtx", "bergpfad-wanderschuh"]}
    messages, new = run_action(ActionSelectProduct(), "the second one", "select_product", slots=slots)
    assert new["current_product"] == "bergpfad-wanderschuh"
    assert "Bergpfad Wanderschuh" in text(messages)


def test_shipping_to_austria(run_action):
    messages, slots = run_action(ActionAnswerShipping(), "Wie lange dauert der Versand nach Österreich?", "ask_shipping")
    reply = text(messages)
    assert "Österreich" in reply and "2–4 Werktage" in reply and "7,90 €" in reply and "100,00 €" in reply
    assert slots["shipping_country"] == "AT"
    assert messages[0]["sources"] == ["store.yml#shipping.zones.AT"]


def test_shipping_to_switzerland_mentions_customs_and_no_free_shipping(run_action):
    messages, _ = run_action(ActionAnswerShipping(), "do you ship to Switzerland and what does it cost?", "ask_shipping")
    reply = text(messages)
    assert "€14.90" in reply and "Customs" in reply and "free from" not in reply


def test_shipping_to_unknown_country_is_honest(run_action):
    messages, _ = run_action(ActionAnswerShipping(), "Do you deliver to Japan?", "ask_shipping")
    assert "do not ship to Japan" in text(messages)


def test_shipping_follow_up_country(run_action):
    messages, _ = run_action(ActionRefineSearch(), "und in die Schweiz?", "refine_search", slots={"last_topic": "shipping", "language": "de"})
    assert "Schweiz" in text(messages) and "14,90 €" in text(messages)


def test_policy_returns_window_from_policy_text(run_action):
    messages, _ = run_action(ActionAnswerPolicy(), "How long do I have to return something?", "ask_policy")
    assert "30 days" in text(messages)
    assert messages[0]["sources"][0].startswith("policy:returns.en")


def test_policy_payment_in_german(run_action):
    messages, _ = run_action(ActionAnswerPolicy(), "Kann ich mit PayPal bezahlen?", "ask_policy")
    assert "PayPal" in text(messages) and "Rechnung" in text(messages)


def test_handoff_and_yes_after_fallback(run_action):
    messages, slots = run_action(ActionFallback(), "what's the weather like?", "out_of_scope")
    assert slots["pending_offer"] == "handoff" and messages[0]["buttons"]
    messages, slots = run_action(ActionYesNo(), "yes please", "affirm", slots=slots)
    assert "hilfe@shop.test" in text(messages) and slots["handoff_requested"] is True


def test_greeting_on_product_page(run_action):
    messages, _ = run_action(ActionSmalltalk(), "Hallo", "greet", metadata={"product_id": "trailrunner-gtx", "language": "de"})
    assert "TrailRunner GTX" in text(messages) and "Größe" in text(messages)


@pytest.mark.parametrize(("raw", "expected"), [("   ", "leer"), ("x" * 5000, "5000 Zeichen")])
def test_invalid_input_says_what_was_wrong(run_action, raw, expected):
    messages, _ = run_action(ActionInvalidInput(), raw, "invalid_input", slots={"language": "de"})
    assert expected in text(messages)


def test_html_in_message_is_only_text(run_action):
    messages, _ = run_action(ActionSearchProducts(), "<script>alert(1)</script> Regenjacke", "search_product")
    assert "<script>" not in text(messages)


def test_action_server_registers_exactly_the_domain_actions():
    import yaml
    from rasa_sdk.executor import ActionExecutor

    from tests.conftest import ROOT

    executor = ActionExecutor()
    executor.register_package("actions")
    domain = yaml.safe_load((ROOT / "domain.yml").read_text())
    assert set(executor.actions) == set(domain["actions"])


def test_empty_message_from_the_channel(run_action):
    messages, _ = run_action(ActionInvalidInput(), "/invalid_input", "invalid_input", slots={"language": "en"})
    assert "empty" in text(messages)


def test_an_action_sends_only_the_slots_it_changes(run_action):
    """Slot events that re-state a slot's value are dropped: each stored event is replayed on
    every later turn (bench/README.md: reply latency)."""
    slots = {"language": "de", "last_topic": "shipping", "shipping_country": None}
    _, changed = run_action(ActionAnswerShipping(), "Wie lange dauert der Versand nach Österreich?", "ask_shipping", slots=slots)
    assert changed == {"shipping_country": "AT"}


def test_only_changes_keeps_a_slot_that_changes_and_changes_back():
    from rasa_sdk import Tracker
    from rasa_sdk.events import SlotSet

    from actions.context import only_changes

    tracker = Tracker("u", {"language": "de", "current_product": "a"}, {}, [], False, None, {}, "action_listen")
    events = [SlotSet("language", "de"), SlotSet("current_product", None), SlotSet("current_product", "a"), SlotSet("new", 1)]
    assert only_changes(tracker, events) == [SlotSet("current_product", None), SlotSet("current_product", "a"), SlotSet("new", 1)]


def test_the_loaded_catalog_is_frozen_out_of_garbage_collection(test_catalog):
    """Full collections would walk the catalog's objects again and again (a 100 ms pause of
    every conversation): once loaded they are frozen."""
    import gc

    from actions.context import catalog

    catalog.cache_clear()
    gc.unfreeze()
    try:
        assert catalog().get("trailrunner-gtx") is not None
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        catalog.cache_clear()


@pytest.mark.parametrize("currency", ["CHF", "GBP"])
def test_answers_use_the_store_currency(run_action, test_catalog, monkeypatch, currency):
    """`store.yml` `currency` is what every amount is shown in (Babel, in the shopper's language)."""
    from actions.context import catalog
    from actions.texts import money

    monkeypatch.setattr(catalog().config.store, "currency", currency)
    shipping = text(run_action(ActionAnswerShipping(), "Wie lange dauert der Versand nach Österreich?", "ask_shipping")[0])
    assert money(7.90, "de", currency) in shipping and money(100, "de", currency) in shipping and "€" not in shipping
    search = text(run_action(ActionSearchProducts(), "waterproof hiking boots under 150 €", "search_product")[0])
    assert money(129.0, "en", currency) in search and "€" not in search
    product = catalog().get("trailrunner-gtx")
    size = text(run_action(ActionAnswerSize(), "Gibt es den Trailrunner in 44?", "ask_size", slots={"language": "de"})[0])
    assert money(product.min_price, "de", currency) + "." in size and "€" not in size
    price = text(run_action(ActionProductInfo(), "Was kostet der TrailRunner GTX?", "product_info", slots={"language": "de"})[0])
    assert price == f"{product.name('de')}: {money(product.min_price, 'de', currency)}."


def test_how_to_reach_the_shop_names_the_contact_of_the_store_config(run_action, test_catalog):
    contact = test_catalog.config.contact
    for question in ("Wie erreiche ich Ihren Kundenservice?", "How can I contact you?"):
        messages, _ = run_action(ActionAnswerPolicy(), question, intent="ask_policy")
        assert contact.email in text(messages), question
        assert "store.yml#contact" in messages[0]["sources"]
    messages, _ = run_action(ActionAnswerPolicy(), "Kann ich auf Rechnung bezahlen?", intent="ask_policy")
    assert contact.email not in text(messages)
