"""Details asked on a product page that went elsewhere or to the wrong fact: the product's origin,
how long an opened pack keeps, how much a day, whether a battery comes along, a spare part the
text never names, what it carries vs. its own weight, a word inside a compound of the page
product's name, "this collar in black?" and a short word near another product's name."""

from __future__ import annotations

import pytest

from actions.facts import asked_attributes
from actions.page_focus import distinct_text
from actions.product_answers import answer_lines
from catalog.extract import extract_sentence
from catalog.passages import asked_aspects, shares_word
from tests.conftest import FIXTURES, serving_store
from tests.test_answer_actions import _run_with_ranking
from tests.text_products import text_product as _product


@pytest.fixture(scope="module")
def served(test_catalog, tmp_path_factory, use_embedder):
    with serving_store(
        FIXTURES / "store_answers", tmp_path_factory.mktemp("detail-route-data"), use_embedder
    ):
        yield


CAVE = _product(
    "cave",
    "Katzenhöhle aus Filz",
    "<p>Handgefilzt aus 100 % Schafwolle in einer Werkstatt in Kathmandu, Nepal.</p><p>Durchmesser ca. 40 cm.</p>",
)
CHEWS = _product(
    "chews",
    "Kaustangen Rinderkopfhaut",
    "<p>100 % Rinderkopfhaut von Rindern aus Süddeutschland, luftgetrocknet. Länge ca. 12 cm.</p>",
)
WET_FOOD = _product(
    "wet",
    "Nassfutter Katze Rind",
    "<p>Zusammensetzung: Rind 70 %, Karotte.</p><p>Geöffnete Dosen im Kühlschrank höchstens 2 Tage aufbewahren.</p>",
)
TREATS = _product(
    "treats",
    "Chicken Cat Treats",
    "<p>100% chicken breast, freeze-dried.</p><p>40 g per tub. Feed max. 10 pieces a day.</p>",
    "en",
)
TRIMMER = _product(
    "trimmer",
    "Akku-Rasentrimmer 18 V",
    "<p>Laufzeit mit 2,0-Ah-Akku: ca. 25 Minuten</p><p>Gewicht ohne Akku: 2,1 kg</p><p>Lieferung ohne Akku und Ladegerät.</p>",
)
FOUNTAIN = _product(
    "fountain",
    "Cat Water Fountain",
    "<p>Capacity: 2 litres</p><p>Pump: 2 W, ultra-quiet.</p><p>Dishwasher-safe (without the pump).</p>",
    "en",
)
CARRIER = _product(
    "carrier", "Babytrage Kiana", "<p>Gewicht des Kindes: 3,5–20 kg</p><p>Gewicht: 740 g</p>"
)
KNEELER = _product(
    "kneeler", "Garden Kneeler Seat", "<p>Max. load: 150 kg</p><p>Weight: 2.6 kg</p>", "en"
)


def test_where_it_is_made_is_the_one_sentence_naming_a_place_of_making(served):
    lines, known = answer_lines(CAVE, "Where is the cat cave made?", "en")
    assert known and "Kathmandu" in lines[0]
    lines, known = answer_lines(CAVE, "Wo wird die Höhle hergestellt?", "de")
    assert known and "Kathmandu" in lines[0]
    lines, known = answer_lines(CHEWS, "Woher kommt das Rind?", "de")
    assert known and "Süddeutschland" in lines[0]
    assert "origin" in asked_aspects("Where does the beef come from?")


def test_how_long_an_opened_pack_keeps(served):
    lines, known = answer_lines(WET_FOOD, "Wie lange hält eine geöffnete Dose?", "de")
    assert known and "2 Tage" in lines[0]
    assert "shelf_life" in asked_aspects("Wie lange hält eine angebrochene Packung?")
    assert "shelf_life" in asked_aspects("How long is an opened bag good for?")


def test_how_much_a_day(served):
    lines, known = answer_lines(TREATS, "How many treats can I give per day?", "en")
    assert known and "10 pieces a day" in lines[0]
    assert "per_day" in asked_aspects("Wie viele Leckerlis pro Tag?")


def test_whether_a_battery_comes_along_is_not_its_runtime(served):
    lines, known = answer_lines(TRIMMER, "Ist ein Akku dabei?", "de")
    assert known and "Lieferung ohne Akku" in lines[0] and "Laufzeit" not in lines[0]


def test_a_spare_part_the_text_never_offers_is_not_the_products_stock(served):
    lines, known = answer_lines(FOUNTAIN, "Can I buy a spare pump for the fountain?", "en")
    assert not known and "in stock" not in " ".join(lines)
    lines, known = answer_lines(FOUNTAIN, "Kann ich eine Ersatzpumpe kaufen?", "de")
    assert not known and "vorrätig" not in " ".join(lines)


def test_the_products_own_weight_is_not_the_childs():
    assert not extract_sentence("Gewicht des Kindes: 3,5–20 kg (ab ca. Größe 50/56)", "de")
    assert not extract_sentence("For children weighing 9-18 kg.", "en")
    assert CARRIER.attributes["weight_g"] == 740


def test_what_it_carries_is_asked_in_german_with_a_separable_verb(served):
    assert asked_attributes("Wie viel Gewicht hält der Sitz aus?") == ["max_load_kg"]
    assert asked_attributes("How much weight can it take?") == ["max_load_kg"]
    assert "max_load_kg" not in asked_attributes("Hält die Jacke Regen aus?")
    lines, known = answer_lines(KNEELER, "Wie viel Gewicht hält der Kniekissen-Sitz aus?", "de")
    assert known and "150 kg" in lines[0]


def test_a_short_word_and_its_plural_share():
    assert shares_word({"dose"}, "Geöffnete Dosen aufbewahren") == 1.0
    assert shares_word({"pump"}, "Pumpe 2 W") == 1.0
    assert shares_word({"dose"}, "Dosierung 5 ml") == 0.0


def test_the_first_part_of_a_compound_of_the_page_name_names_that_product():
    assert "Rind" not in distinct_text("Woher kommt das Rind?", CHEWS)
    assert "Nassfutter" in distinct_text("Ist das Nassfutter Rind besser?", CHEWS)
    assert "Rind" in distinct_text(
        "Woher kommt das Rind?", _product("r", "Kaustangen Rinder", "Lang.")
    )  # "Rind|er": no compound


def test_this_one_in_another_colour_is_the_page_products_version(served):
    from actions.search import ActionSearchProducts

    reply = _run_with_ranking(
        ActionSearchProducts(),
        "Do you have these boots in black?",
        "frost-winterstiefel",
        [("search_product", 0.46)],
    )
    assert "Frost Winterstiefel" in reply and "come in black" in reply
    reply = _run_with_ranking(
        ActionSearchProducts(),
        "Haben Sie diese Stiefel auch in Schwarz?",
        "frost-winterstiefel",
        [("search_product", 0.46)],
        "de",
    )
    assert "Frost Winterstiefel" in reply and "nicht" in reply


def test_a_short_word_near_another_products_name_is_no_typo_on_a_page(served):
    from actions.context import catalog

    assert [p.id for p in catalog().find_named("the wolke blanket")] == ["wolke-tagesdecke"]
    assert (
        catalog().find_named("the wolk", typo_letters=5) == []
    )  # "wolk" is too short to be a typo of "Wolke" here
    assert [p.id for p in catalog().find_named("the wolk")] == ["wolke-tagesdecke"]


def test_a_policy_guess_whose_words_all_ask_what_a_sentence_states_is_about_the_page(
    served, monkeypatch
):
    from actions.context import catalog
    from actions.policies import ActionAnswerPolicy

    cat = catalog()
    get = cat.get
    monkeypatch.setattr(
        cat,
        "get",
        lambda pid: TREATS if pid == "treats" else WET_FOOD if pid == "wet" else get(pid),
    )
    reply = _run_with_ranking(
        ActionAnswerPolicy(),
        "How many treats can I give per day?",
        "treats",
        [("ask_policy", 0.53), ("ask_product_info", 0.16)],
    )
    assert "10 pieces a day" in reply
    reply = _run_with_ranking(
        ActionAnswerPolicy(),
        "Wie lange hält eine geöffnete Dose?",
        "wet",
        [("ask_policy", 0.51), ("ask_product_info", 0.41)],
        "de",
    )
    assert "2 Tage" in reply
    reply = _run_with_ranking(
        ActionAnswerPolicy(), "How long do refunds take?", "treats", [("ask_policy", 0.9)]
    )
    assert "pieces" not in reply


def test_the_place_of_making_answers_no_question_asking_more(served):
    ring = _product("ring", "Solitaire Ring Aurora", "<p>Lab-grown diamond (0.30 ct) in 18k gold.</p><p>Made in our Zurich workshop.</p>", "en")
    lines, known = answer_lines(ring, "Ist der Diamant konfliktfrei und aus welchem Land stammt er?", "de")
    assert not known
    lines, known = answer_lines(ring, "Where is the ring made?", "en")
    assert known and "Zurich" in lines[0]
