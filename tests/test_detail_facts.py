"""Details whose sentence is in the product text: the kind of fact a question asks for
(catalog/fact_kinds.py, catalog/passages.py) — constituents of food, dosage, thickness, a capacity
asked with "wie viel … passt", a range of use by its limit, a substance asked with "is there …
in it?", a length asked with "how long are", a measure of the surroundings that the product's
own dimensions do not tell (actions/facts.py), and a detail question the classifier gave to
sizing on a product with no size to choose (actions/sizing.py)."""

from __future__ import annotations

import pytest

from actions.facts import answered_facts
from catalog.fact_kinds import measure_qualifier
from catalog.models import Product
from catalog.passages import PassageFinder, asked_aspects, content_words, free_of, states_aspect
from tests.conftest import FIXTURES, serving_store
from tests.test_answer_actions import _run_with_ranking
from tests.text_products import text_product as _product


@pytest.fixture(scope="module")
def finder(use_embedder):
    return PassageFinder(use_embedder)


def _best(finder: PassageFinder, product: Product, question: str, lang: str) -> str:
    answers = finder.answer(product, question, lang)
    return answers[0].sentence.text if answers else ""


@pytest.mark.parametrize(
    ("question", "wanted", "not_wanted"),
    [
        ("Wie hoch ist der Proteingehalt?", "nutrients", "height"),
        ("How much fat does it have?", "nutrients", "weight"),
        ("Which fibre is the jumper made of?", "material", "nutrients"),
        ("Wie viel Wasser passt in den Napf?", "capacity", "water"),
        ("How much water fits in the bowl?", "capacity", "water"),
        ("How long are the cables?", "length", "size"),  # and perhaps a time: "How long are the rides it is made for?"
        ("Wie lang ist das Kabel?", "length", "duration"),
        ("Wie dick darf das Holz sein?", "thickness", "size"),
        ("How thick can the branches be?", "thickness", "size"),
        ("Wie dosiere ich das Mittel?", "dosage", None),
        ("What is the dose per day?", "dosage", None),
        ("Für welche Teichgröße ist die Pumpe geeignet?", "size", None),
    ],
)
def test_the_kind_of_fact_a_question_asks_for(question, wanted, not_wanted):
    found = asked_aspects(question)
    assert wanted in found and (not_wanted is None or not_wanted not in found)


def test_a_time_question_keeps_its_duration():
    assert "duration" in asked_aspects("How long does the battery last?")
    assert "duration" in asked_aspects("How long are the rides this chamois is made for?")


@pytest.mark.parametrize(
    ("kind", "sentence", "states"),
    [
        ("nutrients", "Analytical constituents: crude protein 30%, crude fat 18%, crude fibre 3%.", True),
        ("nutrients", "Rohprotein 21 %, Rohfett nur 9 %", True),
        ("nutrients", "Nährwerte pro 100 g: Energie 350 kcal, Fett 4 g", True),
        ("nutrients", "Zusammensetzung: Huhn (24 %), Reis, Kartoffelprotein, Karotten.", False),
        ("nutrients", "Protein-rich recipe with fresh duck.", True),
        ("dosage", "Dosage: 5 ml per 20 litres.", True),
        ("dosage", "5 ml auf 10 l Aquarienwasser geben.", True),
        ("dosage", "Die 250-ml-Flasche reicht für 1.000 Liter.", False),
        ("dosage", "Gewicht des Hundes Futtermenge pro Tag: 20 kg 250 g", True),
        ("dosage", "Feeding guide: 10 kg dog 150 g", True),
        ("thickness", "Schnittstärke: bis 22 mm", True),
        ("thickness", "Cuts branches up to 3 cm thick.", True),
        ("use", "Leistungsstarker Außenfilter für Aquarien bis 400 Liter.", True),
        ("use", "Powerful canister filter for tanks up to 400 litres.", True),
        ("use", "Bis 30 °C waschbar.", False),
        ("use", "Keep-warm mode for up to 1 hour", False),
        ("use", "Warmhaltefunktion für bis zu 2 Stunden", False),
        ("use", "Akku für Einsätze bis 3 Stunden", False),
    ],
)
def test_what_a_sentence_states(kind, sentence, states):
    assert states_aspect(sentence, [kind]) is states


@pytest.mark.parametrize(
    ("question", "substance"),
    [
        ("Is there sugar in the biscuits?", "sugar"),
        ("Is there any salt in it?", "salt"),
        ("Ist Zucker drin?", "zucker"),
        ("Ist da Salz enthalten?", "salz"),
        ("Enthält es Gluten?", "gluten"),
        ("Does it contain anything for the joints?", None),
        ("Enthält es etwas für die Gelenke?", None),
    ],
)
def test_the_substance_a_question_asks_about(question, substance):
    assert free_of(question) == substance


FOOD_EN = _product(
    "food-en", "Meadow Adult Lamb",
    "<p>Complete dry food for adult dogs.</p><p><b>Composition:</b> lamb (35%), rice, potato protein, beet pulp.</p>"
    "<p><b>Analytical constituents:</b> crude protein 26%, crude fat 14%, crude fibre 3%.</p><p>Kibble size approx. 12 mm.</p>",
    "en",
)  # fmt: skip
TREATS_DE = _product(
    "treats-de", "Apfel-Leckerlis",
    "<p>Gebacken in unserer Manufaktur.</p><p>Zutaten: Hafermehl, Apfel (15 %), Rapsöl.</p><p>Ohne Zucker, ohne Salz.</p><p>Inhalt: 150 g.</p>",
)  # fmt: skip
BOWL_EN = _product(
    "bowl-en", "Flow Drinking Bowl",
    "<p>Running water invites pets to drink.</p><ul><li>Capacity: 3 litres</li><li>Pump: 1.5 W</li></ul>", "en",
)  # fmt: skip
POND_DE = _product("pond-de", "Teichpumpe Aqua 3000", "<p>Sparsame Pumpe für Teiche bis 6.000 Liter.</p><ul><li>Förderleistung: 3.000 l/h</li><li>Filtervolumen: 5 Liter</li></ul>")
DOSE_DE = _product("dose-de", "Klar Wasseraufbereiter", "<p>Macht Leitungswasser sofort fischgerecht.</p><p>Dosierung: 10 ml auf 40 l.</p><p>Für Süß- und Meerwasser.</p>")
LOPPER_DE = _product("lopper-de", "Astschere Profi", "<p>Für frisches Holz.</p><p><strong>Schnittstärke:</strong> bis 40 mm<br><strong>Länge:</strong> 70 cm</p>")


@pytest.mark.parametrize(
    ("product", "question", "lang", "wanted"),
    [
        (FOOD_EN, "Wie hoch ist der Proteingehalt?", "de", "crude protein 26%"),
        (FOOD_EN, "How much protein is in it?", "en", "crude protein 26%"),
        (TREATS_DE, "Is there sugar in the treats?", "en", "Ohne Zucker"),
        (TREATS_DE, "Ist Zucker drin?", "de", "Ohne Zucker"),
        (BOWL_EN, "Wie viel Wasser passt in den Napf?", "de", "Capacity: 3 litres"),
        (POND_DE, "Für welche Teichgröße ist die Pumpe geeignet?", "de", "Teiche bis 6.000 Liter"),
        (POND_DE, "What pond size is it suitable for?", "en", "Teiche bis 6.000 Liter"),
        (DOSE_DE, "Wie dosiere ich den Wasseraufbereiter?", "de", "Dosierung: 10 ml"),
        (DOSE_DE, "How do I dose it?", "en", "Dosierung: 10 ml"),
        (LOPPER_DE, "Wie dick dürfen die Äste sein?", "de", "Schnittstärke"),
        (LOPPER_DE, "How thick can the branches be?", "en", "Schnittstärke"),
    ],
)
def test_the_sentence_stating_the_asked_fact_answers(finder, product, question, lang, wanted):
    assert wanted in _best(finder, product, question, lang)


def test_contains_is_no_word_a_sentence_must_share(finder):
    assert content_words("Does it contain anything for the joints?") == {"joints"}
    assert content_words("Enthält es etwas für die Gelenke?") == {"gelenke"}
    assert content_words("Ist Zucker drin?") == {"zucker"}
    sentences = ["Mit Glucosamin und Chondroitin für die Gelenke", "Enthält Getreide."]
    ranked = finder.rank("Does it contain anything for the joints?", sentences, "Senior Light Huhn")
    assert ranked[0] > ranked[1]


TREE = _product("tree", "Deckenhoher Kratzbaum", "<p>Fits ceiling heights from 230 to 260 cm.</p><ul><li>Grundplatte 40 x 40 cm</li></ul>")


def test_a_measure_of_the_surroundings_is_not_the_products_own_dimensions():
    assert measure_qualifier("Will it fit a ceiling height of 2.75 m?") == "ceiling"
    assert measure_qualifier("Passt er bei einer Deckenhöhe von 2,75 m?") == "decken"
    assert measure_qualifier("Wie hoch ist er?") is None and measure_qualifier("What is the total height?") is None
    assert TREE.attributes.get("dimensions_cm")  # read from "Grundplatte 40 x 40 cm"
    assert "dimensions_cm" not in answered_facts(TREE, "Will it fit a ceiling height of 2.75 m?", "en")
    assert "dimensions_cm" not in answered_facts(TREE, "Passt er bei einer Deckenhöhe von 2,75 m?", "de")
    assert answered_facts(TREE, "Wie sind die Maße?", "de")["dimensions_cm"].startswith("Maße 40 × 40 cm")
    seat = _product("stool", "Hocker", "<p>Maße (Sitzhöhe x Breite x Tiefe): 45 x 40 x 40 cm.</p>")
    assert answered_facts(seat, "Wie ist die Sitzhöhe?", "de")["dimensions_cm"]  # the dimensions name the seat


@pytest.fixture(scope="module")
def served(test_catalog, tmp_path_factory, use_embedder):
    with serving_store(FIXTURES / "store_answers", tmp_path_factory.mktemp("detailfacts-data"), use_embedder):
        yield


def test_a_detail_question_given_to_sizing_on_a_product_with_no_size_is_answered(served):
    from actions.sizing import ActionAnswerSize

    reply = _run_with_ranking(ActionAnswerSize(), "Wie viel Wasser passt hinein?", "arco-glass-kettle", [("ask_size", 0.6), ("ask_product_info", 0.3)], "de")
    assert "1.7 litres" in reply
    reply = _run_with_ranking(ActionAnswerSize(), "How much water fits in?", "arco-glass-kettle", [("ask_size", 0.6), ("ask_product_info", 0.3)])
    assert "1.7 litres" in reply
    reply = _run_with_ranking(ActionAnswerSize(), "Welche Längen gibt es?", "wolke-tagesdecke", [("ask_size", 0.9)], "de")
    assert "200 cm" in reply  # sizes to choose: the versions in stock
