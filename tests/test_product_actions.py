"""The custom actions about products: sizes and versions, fit, facts, comparisons, and
questions on a product page that the classifier took for something else, run against a
rasa-sdk Tracker and the indexed test store."""

from __future__ import annotations

from actions.compare import ActionCompareProducts
from actions.conversation import ActionFallback
from actions.policies import ActionAnswerPolicy
from actions.product_questions import ActionAnswerFit, ActionProductInfo
from actions.search import ActionRefineSearch, ActionSearchProducts
from actions.shipping import ActionAnswerShipping
from actions.sizing import ActionAnswerSize


def text(messages) -> str:
    return "\n".join(m.get("text") or "" for m in messages)


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


def test_size_advice_asks_usual_size_then_recommends(run_action):
    messages, slots = run_action(ActionAnswerSize(), "Welche Größe soll ich beim TrailRunner nehmen?", "ask_size")
    assert "normalerweise" in text(messages) and slots["pending_offer"] == "usual_size"
    messages, slots = run_action(ActionRefineSearch(), "43", "refine_search", slots={**slots, "language": "de"})
    assert "Größe 43.5" in text(messages) or "Größe 44" in text(messages)
    assert slots["usual_size"] == "43" and slots["pending_offer"] is None


def test_variant_follow_up_on_product_page_is_about_that_product(run_action):
    messages, _ = run_action(ActionRefineSearch(), "Gibt es den in 44?", "refine_search", metadata={"product_id": "trailrunner-gtx", "language": "de"})
    assert "TrailRunner GTX" in text(messages) and "44" in text(messages)


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


def test_a_comparison_asks_the_texts_what_it_asks_of_both_without_the_names():
    """"Gesichtscreme Alpenrose oder Hyaluron-Serum für fettige Haut?": the words of either name
    ("Creme", "Serum") and the "oder" between them are no part of what is asked of each."""
    from actions.compare import without_names  # noqa: PLC0415
    from tests.test_variants import optioned  # noqa: PLC0415

    cream, serum = optioned("cream", ("Inhalt",), [("50 ml", 1)]), optioned("serum", ("Inhalt",), [("30 ml", 1)])
    cream.title, serum.title = {"de": "Gesichtscreme Alpenrose"}, {"en": "Hyaluronic Serum Glow"}
    assert without_names("Gesichtscreme Alpenrose oder Hyaluron-Serum für fettige Haut?", (cream, serum)) == "für fettige Haut?"
    assert without_names("Alpenrose vs Hyaluronic Serum Glow – which for dry skin?", (cream, serum)) == "which for dry skin?"
