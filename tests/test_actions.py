"""Every custom action, run against a rasa-sdk Tracker and the indexed test store."""

from __future__ import annotations

import pytest

from actions.compare import ActionCompareProducts
from actions.conversation import ActionFallback, ActionInvalidInput, ActionSmalltalk, ActionYesNo
from actions.policies import ActionAnswerPolicy
from actions.product_questions import ActionAnswerFit, ActionProductInfo
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


def test_size_sold_out_in_black_but_available_in_blue(run_action):
    messages, slots = run_action(ActionAnswerSize(), "Gibt es den TrailRunner in 44 in schwarz?", "ask_size")
    reply = text(messages)
    assert "ausverkauft" in reply and "Blau" in reply
    assert slots["current_product"] == "trailrunner-gtx"


def test_size_available_names_stock_and_price(run_action):
    messages, _ = run_action(ActionAnswerSize(), "Is the TrailRunner available in 43?", "ask_size")
    assert "Yes" in text(messages) and "€139.95" in text(messages)


def test_size_sold_out_everywhere_offers_alternative(run_action):
    messages, _ = run_action(ActionAnswerSize(), "do you have the TrailRunner GTX in size 46?", "ask_size")
    reply = text(messages)
    assert "sold out in size 46" in reply
    assert "Road Runner Wide" in reply  # similar shoe with 46 in stock


def test_size_recommendation_runs_small(run_action):
    messages, slots = run_action(ActionAnswerSize(), "I usually wear 42, which size should I take in the TrailRunner?", "ask_size")
    reply = text(messages)
    assert "size 42.5" in reply and "half a size up" in reply
    assert slots["usual_size"] == "42"


def test_size_uses_page_product_for_this(run_action):
    messages, slots = run_action(ActionAnswerSize(), "Gibt es den in 44?", "ask_size", metadata={"product_id": "wide-road-runner", "language": "de"})
    assert "Road Runner Wide" in text(messages)
    assert slots["page_product"] == "wide-road-runner"


def test_uk_to_eu_conversion_without_product(run_action):
    messages, _ = run_action(ActionAnswerSize(), "what is a UK 9 in EU?", "ask_size")
    assert "EU 43" in text(messages)


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
    assert "don't ship to Japan" in text(messages)


def test_shipping_follow_up_country(run_action):
    messages, _ = run_action(ActionRefineSearch(), "und in die Schweiz?", "refine_search", slots={"last_topic": "shipping", "language": "de"})
    assert "Schweiz" in text(messages) and "14,90 €" in text(messages)


def test_fit_wide_feet(run_action):
    messages, _ = run_action(ActionAnswerFit(), "I have wide feet, will these fit?", "ask_product_fit", slots={"current_product": "wide-road-runner"})
    assert text(messages).startswith("Yes") and "wide fit" in text(messages)


def test_fit_temperature_no(run_action):
    messages, _ = run_action(ActionAnswerFit(), "is this jacket warm enough for -10 °C?", "ask_product_fit", slots={"current_product": "velo-rain-shell"})
    assert text(messages).startswith("Probably not")


def test_fit_temperature_yes(run_action):
    messages, _ = run_action(ActionAnswerFit(), "Ist der Parka warm genug für minus 15 Grad?", "ask_product_fit")
    assert text(messages) == "Nordwand Parka: Ja: warm bis -20 °C"  # named in the question, named in the answer


def test_fit_unknown_is_honest_and_offers_human(run_action):
    messages, _ = run_action(ActionAnswerFit(), "Can I wear this to a wedding?", "ask_product_fit", slots={"current_product": "vitamin-d3-1000"})
    assert "doesn't say" in text(messages)


def test_fit_without_product_searches(run_action):
    _, slots = run_action(ActionAnswerFit(), "Welcher Luftreiniger ist gut bei Allergien?", "ask_product_fit")
    assert slots["shown_products"][0] == "airpure-300"


def test_compare_two_shown(run_action):
    slots = {"shown_products": ["airpure-300", "breeze-fan-purifier"]}
    messages, _ = run_action(ActionCompareProducts(), "what's the difference between the two?", "compare_products", slots=slots)
    reply = text(messages)
    assert "AirPure 300" in reply and "Breeze Fan Purifier" in reply
    assert "€199.00 | €79.00" in reply
    assert "with HEPA filter | –" in reply


def test_compare_answers_the_comparative_with_both_values(run_action):
    messages, _ = run_action(ActionCompareProducts(), "Which is lighter, the TrailRunner GTX or the Velo Rain Shell?", "compare_products")
    lines = text(messages).splitlines()
    assert lines[1] == "Velo Rain Shell comes out ahead here: 180 g (against 310 g for TrailRunner GTX)."
    assert {c["id"] for c in messages[0]["custom"]["products"]} == {"trailrunner-gtx", "velo-rain-shell"}
    # asked as a fit question, with both named on the two sides of "oder"
    messages, _ = run_action(ActionAnswerFit(), "Welcher ist für größere Räume, der AirPure 300 oder der Breeze Fan Purifier?", "ask_product_fit")
    assert text(messages) == "Hier liegt AirPure 300 Luftreiniger vorn: für Räume bis 40 m² (gegenüber für Räume bis 20 m² bei Breeze Fan Purifier)."


def test_a_fit_question_naming_two_products_answers_for_both(run_action):
    messages, _ = run_action(ActionAnswerFit(), "AirPure 300 or the Breeze for a 30 m² room?", "ask_product_fit", metadata={"language": "en"})
    assert text(messages).splitlines() == ["AirPure 300 Luftreiniger: Yes: for rooms up to 40 m²", "Breeze Fan Purifier: Probably not: for rooms up to 20 m²"]


def test_compare_needs_two(run_action):
    messages, _ = run_action(ActionCompareProducts(), "vergleichen Sie bitte", "compare_products")
    assert "zwei Produkte" in text(messages)


def test_compare_of_one_product_on_its_page_answers_about_it(run_action):
    messages, _ = run_action(ActionCompareProducts(), "Wie schwer ist er im Vergleich?", "compare_products",
                             metadata={"language": "de", "product_id": "trailrunner-gtx"})  # fmt: skip
    assert "310 g" in text(messages) and "zwei Produkte" not in text(messages)


def test_a_side_spelling_out_a_whole_title_names_that_product(run_action, monkeypatch):
    from actions import compare

    # as if no word of either name were rare enough to name it ("Trinkrucksack 12 L")
    monkeypatch.setattr(type(compare.catalog()), "find_named", lambda self, text, *a, **k: [])
    assert [p.id for p in compare.named_pair("Road Runner Wide oder Velo Rain Shell – welcher ist leichter?")] == ["wide-road-runner", "velo-rain-shell"]
    assert compare.named_pair("Runner Socks oder Rain Parka") == []  # words of two titles name neither


def test_a_side_whose_words_are_all_in_one_title_only_names_it(run_action, monkeypatch):
    """"der Hanna" of "Jeans Hanna High Waist Straight", "Powerbank 20.000" beside another powerbank:
    in a comparison a shorter name than usual is enough when one title alone holds its words."""
    from actions import compare

    monkeypatch.setattr(type(compare.catalog()), "find_named", lambda self, text, *a, **k: [])
    assert [p.id for p in compare.named_pair("Was ist der Unterschied zwischen dem Road Runner und der Velo?")] == ["wide-road-runner", "velo-rain-shell"]
    assert [p.id for p in compare.named_pair("Vitamin D3 1000 oder die Velo?")] == ["vitamin-d3-1000", "velo-rain-shell"]
    assert [p.id for p in compare.named_pair("1000 oder Velo")] == ["velo-rain-shell"]  # a number alone names nothing
    assert compare.named_pair("Runner Socks oder Velo Parka") == []  # no one title holds both words
    assert [p.id for p in compare.named_pair("Velo oder Road Runner – welche ist leichter?")] == ["velo-rain-shell", "wide-road-runner"]
    assert compare.named_pair("the runner that is best for a long road trip or Velo") == [compare.catalog().get("velo-rain-shell")]


def test_product_info_care_and_materials(run_action):
    messages, _ = run_action(ActionProductInfo(), "Kann man den Nordwand Parka waschen?", "ask_product_info")
    assert "30 °C" in text(messages)
    messages, _ = run_action(ActionProductInfo(), "what is the AirPure 300 made of?", "ask_product_info")
    assert "no information" in text(messages) and messages[0]["buttons"]  # honest, with the offer of a person


def test_a_policy_question_about_a_property_of_the_page_product_is_answered_from_it(run_action):
    page = {"language": "en", "product_id": "trailrunner-gtx"}
    messages, _ = run_action(ActionAnswerPolicy(), "How much does it weigh?", "ask_policy", metadata=page)  # a typed fact
    assert "310 g" in text(messages)
    messages, _ = run_action(ActionAnswerPolicy(), "Can I pay contactless with it?", "ask_policy", metadata=page)  # a feature
    assert "no information" in text(messages) and messages[0]["buttons"]
    messages, _ = run_action(ActionAnswerPolicy(), "How long do I have to return it?", "ask_policy", metadata=page)  # the shop's rule
    assert "30 days" in text(messages)


def test_a_search_on_a_product_page_asking_a_property_of_it_is_answered_from_it(run_action):
    page = {"language": "de", "product_id": "trailrunner-gtx"}
    messages, _ = run_action(ActionSearchProducts(), "Wie schwer ist der Schuh?", "search_product", metadata=page)
    assert "310 g" in text(messages) and "1. " not in text(messages)  # an answer, not a list of products
    messages, _ = run_action(ActionSearchProducts(), "Haben Sie auch leichtere Schuhe?", "search_product", metadata=page)
    assert "2. " in text(messages)  # a request for products stays a search: a list of them


def test_a_refused_question_on_a_product_page_asking_a_property_of_it_is_answered_from_it(run_action):
    from actions.conversation import ActionFallback

    page = {"language": "de", "product_id": "trailrunner-gtx"}
    messages, _ = run_action(ActionFallback(), "Wie schwer ist der Schuh?", "out_of_scope", metadata=page)
    assert "310 g" in text(messages) and "1. " not in text(messages)  # an answer, not a list of products
    messages, _ = run_action(ActionFallback(), "Wie wird das Wetter morgen?", "out_of_scope", metadata=page)
    assert "nicht beantworten" in text(messages)


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


def test_size_advice_asks_usual_size_then_recommends(run_action):
    messages, slots = run_action(ActionAnswerSize(), "Welche Größe soll ich beim TrailRunner nehmen?", "ask_size")
    assert "normalerweise" in text(messages) and slots["pending_offer"] == "usual_size"
    messages, slots = run_action(ActionRefineSearch(), "43", "refine_search", slots={**slots, "language": "de"})
    assert "Größe 43.5" in text(messages) or "Größe 44" in text(messages)
    assert slots["usual_size"] == "43" and slots["pending_offer"] is None


def test_action_server_registers_exactly_the_domain_actions():
    import yaml
    from rasa_sdk.executor import ActionExecutor

    from tests.conftest import ROOT

    executor = ActionExecutor()
    executor.register_package("actions")
    domain = yaml.safe_load((ROOT / "domain.yml").read_text())
    assert set(executor.actions) == set(domain["actions"])


def test_variant_follow_up_on_product_page_is_about_that_product(run_action):
    messages, _ = run_action(ActionRefineSearch(), "Gibt es den in 44?", "refine_search", metadata={"product_id": "trailrunner-gtx", "language": "de"})
    assert "TrailRunner GTX" in text(messages) and "44" in text(messages)


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


def test_a_colour_on_a_product_page_is_a_version_question_whatever_the_intent(run_action):
    page = {"product_id": "trailrunner-gtx", "language": "en"}
    # the classifier refused it: the page's product is answered, not the polite refusal
    messages, _ = run_action(ActionFallback(), "Do you have these in purple?", intent="nlu_fallback", metadata=page)
    reply = text(messages).lower()
    assert "purple" in reply and "black" in reply and "can't answer" not in reply
    # taken for a shipping question: no shipping quote, the colour's state
    messages, _ = run_action(ActionAnswerShipping(), "Do you have it in blue?", intent="ask_shipping", metadata=page)
    reply = text(messages).lower()
    assert "blue" in reply and "3 left" in reply and "dhl" not in reply
    # a real shipping question on the same page is still answered as one
    messages, _ = run_action(ActionAnswerShipping(), "How long does shipping to Austria take?", intent="ask_shipping", metadata=page)
    assert "austria" in text(messages).lower()


def test_how_to_reach_the_shop_names_the_contact_of_the_store_config(run_action, test_catalog):
    contact = test_catalog.config.contact
    for question in ("Wie erreiche ich Ihren Kundenservice?", "How can I contact you?"):
        messages, _ = run_action(ActionAnswerPolicy(), question, intent="ask_policy")
        assert contact.email in text(messages), question
        assert "store.yml#contact" in messages[0]["sources"]
    messages, _ = run_action(ActionAnswerPolicy(), "Kann ich auf Rechnung bezahlen?", intent="ask_policy")
    assert contact.email not in text(messages)


def test_a_size_in_stock_in_some_colours_only_names_them(run_action):
    # TrailRunner GTX 44: black sold out, blue in stock
    for lang, colour in (("de", "Blau"), ("en", "blue")):
        messages, _ = run_action(ActionAnswerSize(), "Gibt es den in 44?" if lang == "de" else "Do you have it in 44?",
                                 intent="ask_size", metadata={"product_id": "trailrunner-gtx", "language": lang})  # fmt: skip
        reply = text(messages)
        assert colour in reply and ("Schwarz" not in reply and "black" not in reply), reply
    # a size in stock in every colour it comes in names none
    messages, _ = run_action(ActionAnswerSize(), "Do you have it in 43?", intent="ask_size",
                             metadata={"product_id": "trailrunner-gtx", "language": "en"})  # fmt: skip
    assert "only in" not in text(messages)


def test_one_word_fitting_several_names_is_no_pair(run_action, monkeypatch):
    from actions import compare

    assert [p.id for p in compare.named_pair("Is the TrailRunner GTX or the Velo Rain Shell lighter?")] == ["trailrunner-gtx", "velo-rain-shell"]
    cat = compare.catalog()
    both = [cat.get("merino-socks"), cat.get("nordwand-parka")]  # as if "Merino" were a word of both names
    monkeypatch.setattr(type(cat), "find_named", lambda self, text, *a, **k: both if "merino" in text.lower() else [])
    assert len(compare.named_pair("Sind die Socken aus Merino?")) == 1
