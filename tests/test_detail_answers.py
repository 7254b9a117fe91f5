"""Product details answered from the product's own text (actions/product_questions.py): a part
the text never names, the product's kind inside a word of its name, a feature question the
classifier gave to sizing or shipping."""

from __future__ import annotations

import pytest

from actions.product_answers import answer_lines, labelled, names_feature, without_name_compounds
from catalog.models import Product
from tests.conftest import FIXTURES, serving_store
from tests.test_answer_actions import _run_with_ranking
from tests.text_products import text_product as _product


@pytest.fixture(scope="module")
def served(test_catalog, tmp_path_factory, use_embedder):
    with serving_store(FIXTURES / "store_answers", tmp_path_factory.mktemp("detail-data"), use_embedder):
        yield


KETTLE = _product("kettle", "Glas-Wasserkocher mit Temperaturwahl", "<p>Wasserkocher aus Borosilikatglas mit LED-Beleuchtung.</p><ul><li>Füllmenge: 1,7 Liter</li></ul>")
RAIN = _product("rain", "Friesennerz Regenjacke Damen", "<p>Wassersäule: 8.000 mm<br>Material: 100 % Polyurethan<br>Pflege: Nur feucht abwischen, nicht waschen.</p>")


def test_a_part_the_text_never_names_is_not_answered_with_the_whole_products_material(served):
    assert KETTLE.attributes.get("materials") or KETTLE.materials  # the kettle's material is known: glass
    lines, known = answer_lines(KETTLE, "Is the kettle's lid made of plastic?", "en")
    assert not known and "material" not in " ".join(lines).lower()
    with_lid = _product("kettle2", "Glas-Wasserkocher", "Wasserkocher aus Borosilikatglas. Der Deckel ist aus Edelstahl.")
    lines, known = answer_lines(with_lid, "Is the kettle's lid made of plastic?", "en")
    assert known and "Deckel ist aus Edelstahl" in lines[0]


def test_names_feature_reads_every_field_and_language():
    assert names_feature(_product("x", "Topf mit Deckel", "Edelstahl."), "lid") and not names_feature(KETTLE, "lid")


def test_the_products_kind_in_a_word_of_its_name_asks_for_no_verdict(served):
    lines, known = answer_lines(RAIN, "Kann ich die Regenjacke in der Waschmaschine waschen?", "de")
    assert known and "nicht waschen" in lines[0] and "wasserdicht" not in lines[0]
    assert answer_lines(RAIN, "Ist die Regenjacke wasserdicht?", "de")[0][0].startswith("Ja: wasserdicht")


def test_without_name_compounds_keeps_a_need_of_the_name():
    road = Product(id="r", title={"en": "Road Runner Wide"}, category="shoes", variants=[{"sku": "r", "price": 1.0, "stock": 1}])
    assert without_name_compounds("I have wide feet, does the Runner fit?", road) == "I have wide feet, does the  fit?"
    assert "Regenjacke" not in without_name_compounds("Ist die Regenjacke dicht?", RAIN)


def test_a_care_text_with_its_own_label_is_not_labelled_twice():
    assert labelled("care", "Pflege: Nur feucht abwischen.", "de") == "Pflege: Nur feucht abwischen."
    assert labelled("care", "Nur feucht abwischen.", "en") == "Care: Nur feucht abwischen."


def test_a_feature_question_taken_for_shipping_or_sizing_is_answered_from_the_text(served):
    from actions.shipping import ActionAnswerShipping
    from actions.sizing import ActionAnswerSize

    reply = _run_with_ranking(ActionAnswerShipping(), "Can the filter be taken out?", "arco-glass-kettle", [("ask_shipping", 0.62), ("ask_product_info", 0.09)])
    assert "limescale filter can be taken out" in reply
    reply = _run_with_ranking(ActionAnswerShipping(), "How long does shipping take?", "arco-glass-kettle", [("ask_shipping", 0.62), ("ask_product_info", 0.09)])
    assert "limescale" not in reply and "Germany" in reply
    reply = _run_with_ranking(ActionAnswerSize(), "Ist der Stiefel gefüttert?", "frost-winterstiefel", [("ask_size", 0.54), ("ask_product_info", 0.31)], "de")
    assert "Gefütterter Winterstiefel" in reply
    reply = _run_with_ranking(ActionAnswerSize(), "Welche Größen gibt es?", "frost-winterstiefel", [("ask_size", 0.9)], "de")
    assert "Gefütterter" not in reply  # no feature asked: the sizes in stock


LADIES_WATCH = _product("lw", "Damenuhr Perlmutt 28", "<p>Gehäuse 28 mm.</p><p><strong>Batterie:</strong> Renata 364, Lebensdauer ca. 2 Jahre – Batteriewechsel in unserem Laden für CHF 15.–.</p>")


def test_the_price_of_something_else_the_text_prices_is_quoted_not_the_products_price(served):
    lines, known = answer_lines(LADIES_WATCH, "What does a battery change cost?", "en")
    assert known and "CHF 15" in lines[0] and "1.00" not in lines[0]
    assert "1.00" in " ".join(answer_lines(LADIES_WATCH, "What does the watch cost?", "en")[0])  # its own price


def test_a_short_yes_no_question_about_a_versions_property_is_no_availability_question():
    from actions.product_questions import _short_version

    assert not _short_version("Is the silver recycled?") and _short_version("die in Anthrazit?") and _short_version("Is it in red?")


def test_a_polarised_question_names_a_feature_not_a_product_called_polaris():
    from catalog.features import FEATURES

    assert FEATURES["polarized"].search("Are these polarised?") and FEATURES["polarized"].search("Polarisiert: ja")
    assert not FEATURES["polarized"].search("Aviator Sunglasses Polaris")


def test_a_size_question_giving_a_measure_the_text_states_is_answered_with_that_sentence():
    from actions.product_answers import feature_answer, figure_sentence

    bag = _product("bag", "Laptop-Rucksack Kreis 4", "<p>Volume: 18 L. Padded laptop sleeve for laptops up to <strong>15.6 inch</strong>.</p>", "en")
    assert figure_sentence(bag, "Will my 15.6 inch laptop fit?", "en").startswith("Padded laptop sleeve for laptops up to 15.6 inch")
    assert figure_sentence(bag, "Passt ein 15,6-Zoll-Laptop hinein?", "de").startswith("Padded laptop sleeve")
    assert figure_sentence(bag, "Will my 17 inch laptop fit?", "en") is None and figure_sentence(bag, "Which size?", "en") is None
    assert "15.6 inch" in feature_answer(bag, "Will my 15.6 inch laptop fit?", "en")
    assert feature_answer(bag, "Is the 15.6 inch one in stock?", "en") is None


def test_a_page_question_taken_for_shipping_shares_its_words_across_the_languages(served):
    from actions.shipping import ActionAnswerShipping

    reply = _run_with_ranking(ActionAnswerShipping(), "How many hours does it keep drinks hot?", "berg-thermoflasche", [("ask_shipping", 0.8), ("ask_product_info", 0.05)])
    assert "12 Stunden" in reply


def test_a_size_question_giving_a_measure_on_a_one_size_product_quotes_the_text(served):
    from actions.sizing import ActionAnswerSize

    reply = _run_with_ranking(ActionAnswerSize(), "Do 1.7 litres fit in?", "arco-glass-kettle", [("ask_size", 0.9)])
    assert "Holds 1.7 litres" in reply and "one size" not in reply
