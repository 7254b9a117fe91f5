"""The span a setting covers ("Welchen Verstellbereich hat das Stativ?", "height range?") asked
and stated as two figures joined (`catalog/quantities.py: SPAN`); the German noun "Stock" asks
no stock; "welche" / "which" asking another kind of fact than a size routes a size question to
the detail answer (`actions/size_detail_route.py`). Made-up products only."""

from __future__ import annotations

import pytest

from actions.product_answers import answer_lines, asked_info_aspects
from actions.size_detail_route import asks_no_size, detail_instead
from catalog.passages import asked_aspects
from tests.conftest import FIXTURES, serving_store
from tests.text_products import text_product as _product


@pytest.fixture(scope="module")
def served(test_catalog, tmp_path_factory, use_embedder):
    with serving_store(FIXTURES / "store_answers", tmp_path_factory.mktemp("span-data"), use_embedder):
        yield


TRIPOD = _product(
    "tripod",
    "Kamerastativ Falke",
    "<p>Leichtes Reisestativ aus Aluminium mit Kugelkopf.</p>"
    "<p>Arbeitshöhe stufenlos einstellbar von 38 bis 152 cm, Packmaß 41 cm.</p><p>Gewicht 1,4 kg.</p>",
)
DESK = _product(
    "desk",
    "Standing Desk Harbour",
    "<p>Electric standing desk with a bamboo top of 140 × 70 cm.</p>"
    "<p>The top moves between 62 and 127 cm at the push of a button.</p><p>Carries up to 80 kg.</p>",
    "en",
)
WALKING_STICK = _product(
    "stick",
    "Wanderstock Gamsbock",
    "<p>Einteiliger Wanderstock aus Eschenholz mit Gummipuffer.</p><p>Länge 120 cm, Gewicht 380 g.</p>",
)
GLOVE = _product(
    "glove",
    "Arbeitshandschuh Grip",
    "<p>Montagehandschuh mit Nitrilbeschichtung.</p><p>Schnittschutz nach EN 388, Klasse C.</p><p>Waschbar bei 40 °C.</p>",
)


@pytest.mark.parametrize(
    "question",
    ["Welchen Verstellbereich hat das Stativ?", "Wie groß ist der Einstellbereich?", "height range?",
     "What's the adjustment range?", "von wie viel bis wie viel cm geht das?"],
)  # fmt: skip
def test_a_span_is_asked_in_both_languages(question: str):
    assert "span" in asked_aspects(question, "Stativ")


def test_a_bare_range_stays_the_distance_and_a_span_replaces_it():
    assert "span" not in asked_aspects("What's the range of the radio?", "Radio")
    assert "range" in asked_aspects("What's the range of the radio?", "Radio")
    kinds = asked_aspects("height range?", "Desk")
    assert "span" in kinds and "range" not in kinds


def test_the_sentence_stating_the_span_answers(served):
    lines, known = answer_lines(TRIPOD, "Welchen Verstellbereich hat das Stativ?", "de")
    assert known and "38 bis 152 cm" in lines[0]
    lines, known = answer_lines(DESK, "What's the adjustment range?", "en")
    assert known and "62 and 127 cm" in lines[0]


def test_the_german_noun_stock_asks_no_stock():
    assert "stock" not in asked_info_aspects("Wie lang ist der Stock?")
    assert "stock" not in asked_info_aspects("Welchen Verstellbereich hat der Stock?")
    assert "stock" in asked_info_aspects("Is it in stock?")
    assert "stock" in asked_info_aspects("Ist der Wanderstock auf Lager?")


def test_which_asking_another_kind_of_fact_asks_no_size(served):
    assert asks_no_size(GLOVE, "Welche Schutzklasse hat der Handschuh?", "de")
    assert asks_no_size(TRIPOD, "Welchen Verstellbereich bietet es?", "de")
    assert not asks_no_size(GLOVE, "Welche nehme ich bei 9 cm Handbreite?", "de")
    assert not asks_no_size(GLOVE, "Which one should I take?", "en")
    said = detail_instead(GLOVE, "Welche Schutzklasse hat der Handschuh?", "de")
    assert said and "Klasse C" in said


def test_a_name_starting_with_a_size_letter_states_no_usual_size() -> None:
    """"Hat das Stativ …" and "Hat das Unterkleid Lina …" state no usual size (the letter S or L
    began a word); "sie trägt XL", "I'm a medium" do."""
    from actions.size_advice import USUAL

    for text in ("Hat das Stativ eine Wasserwaage?", "Hat das Unterkleid Lina Spitze?", "I'm a student, any discount?"):
        assert not USUAL.search(text), text
    for text in ("sie trägt XL", "I'm a medium", "she wears a M", "mein Kind trägt 31", "I'm a men's 56, what size robe?", "I'm a UK 12"):
        assert USUAL.search(text), text
