"""Product questions answered from the product's own text, variant-precise answers and sizing,
run as actions against a Tracker on a small store of hand-made products
(tests/fixtures/store_answers)."""

from __future__ import annotations

import pytest

from actions.product_questions import ActionAnswerFit, ActionProductInfo
from actions.sizing import ActionAnswerSize
from catalog.models import Product
from tests.conftest import FIXTURES, serving_store

STORE = FIXTURES / "store_answers"


@pytest.fixture(scope="module")
def answers_store(test_catalog, tmp_path_factory, use_embedder):
    """The actions answer from the answers store for this module, then from the test store again."""
    with serving_store(STORE, tmp_path_factory.mktemp("answers-data"), use_embedder):
        yield


@pytest.fixture
def ask(run_action, answers_store):
    def _ask(action, text: str, product: str | None = None, lang: str | None = None, slots: dict | None = None):
        meta = {"language": lang} if lang else {}
        messages, new = run_action(action, text, slots={**({"current_product": product} if product else {}), **(slots or {})}, metadata=meta)
        return "\n".join(m.get("text") or "" for m in messages), new, messages

    return _ask


def test_question_answered_with_a_quote_from_the_english_text_in_german(ask):
    reply, slots, messages = ask(ActionProductInfo(), "Schaltet der Wasserkocher automatisch ab?", "arco-glass-kettle", "de")
    assert reply == "Laut Produktbeschreibung von Arco Glass Kettle: „Switches off automatically when the water boils or the kettle is empty.“"
    assert messages[0]["sources"] == ["arco-glass-kettle"] and not messages[0]["buttons"]
    assert "pending_offer" not in slots


def test_weight_and_capacity_from_the_text_not_the_price(ask):
    reply, _, _ = ask(ActionProductInfo(), "How heavy is it?", "arco-glass-kettle", "en")
    assert "Weighs 1.1 kg." in reply
    reply, _, _ = ask(ActionProductInfo(), "Wie viel Liter passen hinein?", "arco-glass-kettle", "de")
    assert "Holds 1.7 litres" in reply and "49,00" not in reply


def test_what_the_text_does_not_say_is_said_honestly_with_a_person_offered(ask):
    reply, slots, messages = ask(ActionProductInfo(), "Does it have a keep-warm function?", "arco-glass-kettle", "en")
    assert reply.startswith("I have no information on that for Arco Glass Kettle.")
    assert messages[0]["buttons"] and slots["pending_offer"] == "handoff"
    reply, slots, _ = ask(ActionAnswerFit(), "Kann ich damit Tee auf 70 Grad erhitzen?", "arco-glass-kettle", "de")
    assert "steht leider nichts in unseren Produktdaten zu Arco Glass Kettle" in reply and slots["pending_offer"] == "handoff"


def test_fit_question_quotes_the_description(ask):
    reply, _, _ = ask(ActionAnswerFit(), "Can I charge my phone on it?", "lumo-desk-lamp", "en")
    assert "“A wireless charging pad for phones is built into the base.”" in reply
    assert reply.endswith("Lumo Desk Lamp is currently sold out in every version.")  # and it cannot be bought now


def test_product_sold_out_in_every_version_says_so_first(ask):
    reply, _, _ = ask(ActionProductInfo(), "Is the lamp available?", "lumo-desk-lamp", "en")
    assert reply.startswith("Lumo Desk Lamp is currently sold out in every version.")
    reply, _, _ = ask(ActionAnswerSize(), "Gibt es die in Weiß?", "lumo-desk-lamp", "de")
    assert reply.startswith("Lumo Desk Lamp ist derzeit in allen Varianten ausverkauft.")


def test_sold_out_size_is_named_with_nearest_sizes_and_other_colours(ask):
    reply, _, _ = ask(ActionAnswerSize(), "Is M available in black?", "alpine-softshell-trousers", "en")
    assert reply.startswith("Alpine Softshell Trousers is sold out in size M in black.")
    assert "In stock in black: size L or S." in reply and "In stock in size M: olive." in reply  # equally near: larger first


def test_runs_small_recommends_one_up_and_quotes_the_shops_advice(ask):
    reply, slots, _ = ask(ActionAnswerSize(), "Ich trage normalerweise 39, welche Größe soll ich nehmen?", "frost-winterstiefel", "de")
    assert "empfehle ich bei Frost Winterstiefel Größe 40" in reply
    assert "Der Stiefel fällt eine Nummer klein aus, bitte eine Nummer größer bestellen." in reply
    assert "in Größe 40 leider ausverkauft. Vorrätig: Größe 41, 39 oder 38." in reply  # nearest in stock, larger first
    assert slots["usual_size"] == "39"


def test_fit_advice_without_a_fit_fact_is_quoted_and_no_size_is_guessed(answers_store):
    """A product whose text gives fit advice that no fit fact was read from (the import's
    extractor may read one; this product is made by hand)."""
    from actions.size_advice import recommend as _recommend

    sandal = Product(id="sandal", title={"de": "Pfad Sandale"}, category="shoes", size_system="eu_shoe",
                     description={"de": "Leichte Trekkingsandale. Die Sandale fällt schmal aus; wer breite Füße hat, bestellt besser eine Nummer größer."},
                     variants=[{"sku": f"PS-{n}", "size": str(n), "price": 69.0, "stock": 4} for n in (40, 41, 42)])  # fmt: skip
    lines, _ = _recommend(sandal, "41", [], "en")
    reply = " ".join(lines)
    assert "I recommend" not in reply and reply.startswith("You usually wear 41.")
    assert "“Die Sandale fällt schmal aus; wer breite Füße hat, bestellt besser eine Nummer größer.”" in reply


def test_fit_advice_that_points_no_way_goes_with_the_usual_size(answers_store):
    from actions.size_advice import recommend as _recommend

    fins = Product(id="fins", title={"en": "Swim Fins"}, category="shoes",
                   description={"en": "Short blade fins for pool training. Fit: fins should fit snugly – they give a little in the water."},
                   variants=[{"sku": f"SF-{n}", "size": n, "price": 34.9, "stock": 4} for n in ("38-39", "40-41", "42-43")])  # fmt: skip
    reply = " ".join(_recommend(fins, "41", [], "de")[0])
    assert "empfehle ich bei Swim Fins Größe 40-41" in reply and "fit snugly" in reply


def test_body_measurement_answered_from_the_size_chart_in_the_text(ask):
    reply, _, _ = ask(ActionAnswerSize(), "Mein Hund hat 72 cm Brustumfang, welche Größe?", "trail-brustgeschirr", "de")
    assert reply.startswith("Bei Brustumfang 72 cm passt laut Größenangaben von Trail Brustgeschirr: Größe L.")
    assert "in Größe L leider ausverkauft" in reply and "Vorrätig: Größe M." in reply
    reply, _, _ = ask(ActionAnswerSize(), "My inside leg is 84 cm, which size?", "alpine-softshell-trousers", "en")
    assert "gives: size L." in reply and "available in size L: in stock" in reply


def test_body_measurement_without_a_chart_says_so_and_asks_for_the_usual_size(ask):
    reply, slots, _ = ask(ActionAnswerSize(), "Ich bin 182 cm groß, welche Größe?", "frost-winterstiefel", "de")
    assert "keine Größentabelle nach Körpergröße" in reply and "übliche Größe" in reply
    assert slots["pending_offer"] == "usual_size"


def test_general_shoe_size_conversion_on_a_clothing_page_stays_general(ask):
    reply, _, messages = ask(ActionAnswerSize(), "What is US 10 in EU?", "alpine-softshell-trousers", "en")
    assert reply == "Shoe size US 10 is EU 43 (UK 9, US 10)."
    assert messages[0]["sources"] == ["sizes:conversion-table"]


def test_a_follow_up_with_a_body_measurement_on_a_product_page_is_a_size_answer(ask):
    from actions.search import ActionRefineSearch

    reply, _, _ = ask(ActionRefineSearch(), "und bei 84 cm Innenbeinlänge?", None, "de", slots={"last_topic": "size", "current_product": "alpine-softshell-trousers"})
    assert "Bei Innenbeinlänge 84 cm passt laut Größenangaben von Alpine Softshell Trousers: Größe L." in reply


def test_a_size_with_which_size_asks_for_a_recommendation(ask):
    reply, slots, _ = ask(ActionAnswerSize(), "Meine Schuhgröße ist 39, welche Größe soll ich bestellen?", "frost-winterstiefel", "de")
    assert "empfehle ich bei Frost Winterstiefel Größe 40" in reply and slots["usual_size"] == "39"


def test_a_shoe_size_inside_a_range_size_names_the_range(ask):
    reply, _, _ = ask(ActionAnswerSize(), "Ich habe Schuhgröße 44, welche Sockengröße brauche ich?", "wool-hiking-socks", "de")
    assert "Woll-Wandersocken in Größe 43-46: nur noch 2 Stück vorrätig" in reply
    assert "Größe 44" not in reply and "Die Größe entspricht Ihrer Schuhgröße (EU)." in reply
    assert reply.startswith("Wenn Sie sonst 44 tragen, empfehle ich bei Woll-Wandersocken Größe 43-46.")  # the range that holds it


def test_a_structured_attribute_answers_before_the_generic_aspects(ask):
    reply, _, _ = ask(ActionProductInfo(), "How big a room can it clean?", "klar-air-purifier", "en")
    assert reply.startswith("Klar Air Purifier: for rooms up to 40 m²")


def test_where_it_is_made_is_not_the_material(ask):
    reply, slots, _ = ask(ActionProductInfo(), "Wo wird der Luftreiniger hergestellt?", "klar-air-purifier", "de")
    assert "Dazu habe ich zu Klar Air Purifier keine Angaben" in reply and "ABS" not in reply
    assert slots["pending_offer"] == "handoff"


def test_between_two_sizes(ask):
    reply, _, _ = ask(ActionAnswerSize(), "Ich liege zwischen 39 und 40, welche Größe?", "frost-winterstiefel", "de")
    assert reply.startswith("Zwischen 39 und 40: Bei Frost Winterstiefel empfehle ich Größe 40.")  # runs small: the larger
    assert "in Größe 40 leider ausverkauft" in reply


def test_between_two_sizes_without_a_fit_fact_quotes_the_advice(answers_store):
    from actions.size_advice import recommend_between as _recommend_between

    trousers = Product(id="pants", title={"en": "Alpine Trousers"}, category="clothing", size_system="letter",
                       description={"en": "Softshell trousers. They come up slightly large; if you are between sizes, take the smaller one."},
                       variants=[{"sku": "P-M", "size": "M", "price": 149.0, "stock": 4}, {"sku": "P-L", "size": "L", "price": 149.0, "stock": 5}])  # fmt: skip
    reply = " ".join(_recommend_between(trousers, ("M", "L"), [], "en")[0])
    # the text says which one to take between two sizes: that one, with the merchant's words
    assert reply.startswith("Between M and L: in Alpine Trousers I recommend size M.")
    assert "“They come up slightly large; if you are between sizes, take the smaller one.”" in reply
    assert "available in size M: in stock" in reply
    vague = trousers.copy(update={"description": {"en": "Softshell trousers. They come up slightly large."}})
    reply = " ".join(_recommend_between(vague, ("M", "L"), [], "en")[0])
    assert reply.startswith("Between M and L in Alpine Trousers:") and "I recommend" not in reply  # no rule: no guess
    assert "available in size M: in stock" in reply and "available in size L: in stock" in reply


def test_a_length_capacity_or_pack_is_named_with_its_state(ask):
    reply, _, _ = ask(ActionAnswerSize(), "Gibt es die in 220 cm?", "wolke-tagesdecke", "de")
    assert reply.startswith("Wolke Tagesdecke in Länge 220 cm: nur noch 1 Stück vorrätig")
    reply, _, _ = ask(ActionAnswerSize(), "in Anthrazit und 220 cm?", "wolke-tagesdecke", "de")
    assert reply.startswith("Wolke Tagesdecke ist in Anthrazit in Länge 220 cm leider ausverkauft.")
    assert "Vorrätig in Länge 220 cm: Sand." in reply and "Vorrätig in Anthrazit: Länge 240 cm." in reply
    reply, _, _ = ask(ActionProductInfo(), "Ist die 2-Liter-Version vorrätig?", "berg-thermoflasche", "de")
    assert reply.startswith("Berg Thermoflasche ist in Volumen 2 Liter leider ausverkauft. Vorrätig: Volumen 1 l oder 0,5 l.")
    reply, _, _ = ask(ActionAnswerSize(), "do you have a pack of 6?", "sport-socken", "en")
    assert reply.startswith("Sport Socken in Packung 6er-Pack: only 2 left")


def test_a_product_in_two_lengths_is_not_called_one_size(ask):
    reply, _, _ = ask(ActionAnswerSize(), "Welche Größen gibt es?", "wolke-tagesdecke", "de")
    assert "Einheitsgröße" not in reply and "Länge vorrätig: 200 cm, 220 cm, 240 cm" in reply


def test_a_follow_up_naming_a_length_on_a_product_page_is_a_size_answer(ask):
    from actions.search import ActionRefineSearch

    reply, _, _ = ask(ActionRefineSearch(), "und in 2,4 m?", None, "de", slots={"last_topic": "product", "current_product": "wolke-tagesdecke"})
    assert reply.startswith("Ja, Wolke Tagesdecke gibt es in Länge 240 cm: vorrätig")


def _run_with_ranking(action, text: str, product: str, ranking: list[tuple[str, float]], lang: str = "en"):
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    latest = {"text": text, "intent": {"name": ranking[0][0], "confidence": ranking[0][1]}, "entities": [],
              "intent_ranking": [{"name": n, "confidence": c} for n, c in ranking], "metadata": {"language": lang, "product_id": product}}  # fmt: skip
    dispatcher = CollectingDispatcher()
    action.run(dispatcher, Tracker("t", {}, latest, [], False, None, {}, "action_listen"), {})
    return "\n".join(m.get("text") or "" for m in dispatcher.messages)


def test_a_refused_question_on_a_product_page_that_may_ask_about_it_is_answered(answers_store):
    from actions.conversation import ActionFallback
    from actions.shipping import ActionAnswerShipping

    reply = _run_with_ranking(ActionFallback(), "Does it turn off by itself?", "arco-glass-kettle", [("out_of_scope", 0.45), ("ask_product_info", 0.35)])
    assert "Switches off automatically" in reply
    reply = _run_with_ranking(ActionFallback(), "Does it turn off by itself?", "arco-glass-kettle", [("out_of_scope", 0.9), ("ask_product_info", 0.05)])
    assert "Switches off" not in reply  # the classifier saw no product question: the refusal stays
    reply = _run_with_ranking(ActionAnswerShipping(), "How heavy is it?", "arco-glass-kettle", [("ask_shipping", 0.45), ("ask_product_info", 0.3)])
    assert "1.1 kg" in reply
    reply = _run_with_ranking(ActionAnswerShipping(), "How long does shipping take?", "arco-glass-kettle", [("ask_shipping", 0.45), ("ask_product_info", 0.3)])
    assert "1.1 kg" not in reply and "Germany" in reply


def test_a_shipping_guess_on_a_product_page_that_its_text_answers_is_about_the_product(answers_store):
    """"Is the DWR PFC-free?" went to shipping (0.62) with hardly any product question (0.09)."""
    from actions.shipping import ActionAnswerShipping

    ranking = [("ask_shipping", 0.62), ("ask_policy", 0.25), ("ask_product_info", 0.09)]
    reply = _run_with_ranking(ActionAnswerShipping(), "Can the limescale filter be taken out?", "arco-glass-kettle", ranking)
    assert "rinsed under the tap" in reply and "Germany" not in reply
    reply = _run_with_ranking(ActionAnswerShipping(), "What does it cost to Austria?", "arco-glass-kettle", ranking)
    assert "Austria" in reply and "rinsed" not in reply


def test_what_a_product_carries_is_not_its_weight(ask):
    from catalog.enrich import enrich

    chair = enrich(Product(id="chair", title={"en": "Climbo Chair"}, category="home", variants=[{"sku": "C", "price": 1.0, "stock": 1}],
                           description={"en": "Beech high chair. Holds up to 136 kg – adults can sit on it too. Weight 7 kg."}))  # fmt: skip
    from actions.product_answers import answer_lines

    lines, known = answer_lines(chair, "What's the maximum weight it can take?", "en")
    assert known and lines[0].startswith("Climbo Chair: takes up to 136 kg.") and "7 kg" not in lines[0]
    assert answer_lines(chair, "How heavy is it?", "en")[0][0].startswith("Climbo Chair: 7 kg.")


def test_the_kind_of_the_page_product_names_no_other_product():
    from actions.page_focus import without_page_words as _without_page_words

    desk = Product(id="desk", title={"de": "Wachsmit Kinderschreibtisch höhenverstellbar"}, category="home", variants=[{"sku": "D", "price": 1.0, "stock": 1}])
    assert _without_page_words("Wie hoch lässt sich der Tisch einstellen?", desk).split() == ["Wie", "hoch", "lässt", "sich", "der", "einstellen?"]
    assert "Wachsmit" in _without_page_words("Ist der Wachsmit Tisch stabil?", desk)  # a whole word of its name stays


def test_a_fit_question_gets_the_merchants_fit_advice(ask):
    reply, slots, _ = ask(ActionProductInfo(), "Does it run small?", "frost-winterstiefel", "en")
    assert reply.startswith("Frost Winterstiefel: ") and "fällt eine Nummer klein aus" in reply and "pending_offer" not in slots


def test_a_feature_question_in_english_is_answered_from_the_german_text_with_yes(ask):
    reply, _, _ = ask(ActionProductInfo(), "Are these boots lined?", "frost-winterstiefel", "en")
    assert reply.startswith("Yes. The description of") and "Gefütterter Winterstiefel" in reply


def test_a_feature_question_naming_a_size_asks_no_stock(ask):
    reply, _, _ = ask(ActionAnswerSize(), "Is the 40 lined?", "frost-winterstiefel", "en")  # the bike's "20 inch … gears?"
    assert "Gefütterter Winterstiefel" in reply and "in stock" not in reply


def test_an_availability_question_the_classifier_took_for_fit_gets_the_versions_state(ask):
    reply, _, _ = ask(ActionAnswerFit(), "Gibt es die Tagesdecke in Anthrazit und 220 cm?", "wolke-tagesdecke", "de")
    assert reply.startswith("Wolke Tagesdecke ist in Anthrazit in Länge 220 cm leider ausverkauft.")


def test_the_last_part_of_a_compound_of_the_page_products_name_asks_for_its_version(run_action, answers_store):
    from actions.search import ActionSearchProducts

    messages, _ = run_action(ActionSearchProducts(), "Haben Sie die Decke in Anthrazit und 220 cm?",
                             metadata={"language": "de", "product_id": "wolke-tagesdecke", "page_type": "product"})  # fmt: skip
    assert messages[0]["text"].startswith("Wolke Tagesdecke ist in Anthrazit in Länge 220 cm leider ausverkauft.")
