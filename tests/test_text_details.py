"""Details read from a product's own text (made-up products, German and English): the
composition over a material named in passing, care labels, numbers in the sentence's own
locale, a material the question names, figure-unit compounds, glasses, self-labelled lines."""

from __future__ import annotations

import pytest

from catalog.enrich import enrich
from catalog.extract import extract_sentence, extract_text
from catalog.models import Product
from catalog.passages import ANSWER_SIMILARITY, PassageFinder, capped, content_words, shares_word
from catalog.question_asks import asked_aspects, asked_materials
from catalog.sentences import split_sentences, table_headers


def _product(pid: str, lang: str, description: str, title: str = "Testprodukt") -> Product:
    return Product(id=pid, title={lang: title}, category="misc", description={lang: description},
                   variants=[{"sku": f"{pid}-1", "price": 10.0, "stock": 3}])  # fmt: skip


def _materials(text: str, lang: str) -> tuple[list[str], str]:
    fact = next(f for f in extract_text(text, lang) if f.key == "materials")
    return fact.value, fact.text


@pytest.mark.parametrize(
    ("text", "lang", "materials"),
    [
        ("Unsere Laufhose mit Silikon-Griffband am Bund. Material: 80% Polyamid, 20% Elasthan.", "de", ["polyamide", "elastane"]),
        ("A cycling short with a full silicone gripper. Fabric: 70% nylon, 30% spandex.", "en", ["nylon", "elastane"]),
        ("Schürze mit Lederriemen. Obermaterial: Leinen", "de", ["linen"]),
    ],
)
def test_the_composition_gives_the_materials_over_a_material_named_in_passing(text, lang, materials):
    value, sentence = _materials(text, lang)
    assert value == materials and ("%" in sentence or "material" in sentence.lower())


def test_the_first_material_sentence_stays_when_no_later_one_gives_the_composition():
    assert _materials("Rucksack aus recyceltem Polyester mit Boden aus Leder. Innen mit Baumwollfutter.", "de")[0] == ["polyester", "leather"]


@pytest.mark.parametrize(
    ("sentence", "lang", "temp"),
    [("Pflege: 40 °C Schonwaschgang", "de", 40), ("Care: 30 °C gentle wash", "en", 30), ("30 °C Feinwaschprogramm", "de", 30)],
)
def test_a_care_label_or_a_wash_cycle_compound_gives_the_wash_temperature(sentence, lang, temp):
    assert [(f.key, f.value) for f in extract_sentence(sentence, lang) if f.key == "wash_temp_c"] == [("wash_temp_c", temp)]


def test_a_care_label_joins_the_care_text():
    product = enrich(_product("softshell-x", "de", "Leichte Jacke aus Softshell – waschmaschinenfest. Pflege: 30 °C Schonwaschgang"))
    assert "30 °C Schonwaschgang" in product.care["de"] and "waschmaschinenfest" in product.care["de"]
    belt = enrich(_product("belt-x", "en", "Leather belt with a pin buckle, 3.5 cm wide. Care: wipe with a damp cloth and let dry."))
    assert "wipe with a damp cloth" in belt.care["en"]


@pytest.mark.parametrize(
    ("sentence", "key", "value"),
    [
        ("Battery: 3.6 V / 2,600 mAh Li-Ion", "battery_mah", 2600),  # English data in a German field
        ("Akku mit 2,5 Ah und 3,6 V, 1.200 mAh", "battery_mah", 1200),  # German grouping stays German
        ("10.000 mm Wassersäule, wiegt 1.2 kg", "weight_g", 1200),
        ("Gewicht 1,250 kg", "weight_g", 1250),
    ],
)
def test_numbers_are_read_in_the_sentences_own_locale(sentence, key, value):
    assert {f.key: f.value for f in extract_sentence(sentence, "de")}[key] == value


@pytest.fixture(scope="module")
def finder(use_embedder):
    return PassageFinder(use_embedder)


SATCHEL = _product("satchel-x", "de", (
    "Pflege: regelmäßig mit Lederfett einreiben, nicht waschen. Klassische Umhängetasche aus vegetabil gegerbtem Rindleder, "
    "Innenfutter aus Baumwolle. Riemen verstellbar."
), title="Umhängetasche Alba")  # fmt: skip
GLOVE = _product("glove-x", "en", "Summer glove made of goat leather with mesh panels. Knuckle guards made of TPU. Short cuff with hook and loop.",
                 title="Summer Glove Breeze")  # fmt: skip


@pytest.mark.parametrize(
    ("product", "question", "lang", "word"),
    [
        (SATCHEL, "Aus welchem Leder ist die Tasche?", "de", "Rindleder"),
        (SATCHEL, "what leather is it?", "en", "Rindleder"),
        (GLOVE, "Aus welchem Leder sind die?", "de", "goat leather"),
        (GLOVE, "what leather is it made of?", "en", "goat leather"),
    ],
)
def test_a_material_the_question_names_is_answered_by_the_sentence_naming_it(finder, product, question, lang, word):
    answers = finder.answer(product, question, lang)
    assert answers and word in answers[0].sentence.text


SIREN = _product("lock-x", "de", "Kabelschloss mit 120-dB-Sirene, Bügel 8 mm. Inklusive Halterung und zwei Schlüsseln.", title="Kabelschloss Wacht")
SIREN_EN = _product("lock-y", "en", "Cable lock with a 120-dB siren and an 8 mm shackle. Comes with a bracket and two keys.", title="Cable Lock Warden")


@pytest.mark.parametrize(("product", "question", "lang"), [(SIREN, "Wie laut ist die Sirene?", "de"), (SIREN_EN, "How loud is it?", "en")])
def test_a_figure_joined_to_its_unit_answers_how_loud(finder, product, question, lang):
    answers = finder.answer(product, question, lang)
    assert answers and "120" in answers[0].sentence.text


VISOR = _product("visor-x", "de", (
    "<p>Jethelm mit Sonnenblende.<br>Gewicht 1.200 g<br>OTG-tauglich: Aussparungen im Polster für Brillenbügel</p>"
    "<p><b>Größen:</b><br>S: 53–54 cm<br>M: 55–56 cm<br>L: 57–58 cm</p><p>Hinweis: Der Cirrus fällt eher groß aus.</p>"
), title="Jethelm Cirrus")  # fmt: skip


@pytest.mark.parametrize(("question", "lang"), [("Is the Cirrus ok for people with glasses?", "en"), ("Passt der Cirrus auch für Brillenträger?", "de")])
def test_wearing_glasses_is_a_feature_the_sentence_naming_it_answers(finder, question, lang):
    answers = finder.answer(VISOR, question, lang)
    assert answers and "Brillenbügel" in answers[0].sentence.text
    assert capped(question, "Hinweis: Der Cirrus fällt eher groß aus.", 0.9) < ANSWER_SIMILARITY  # names no glasses: never the answer


def test_a_line_with_its_own_label_is_no_row_of_a_table_above_it():
    lines = split_sentences(VISOR.description["de"])
    assert not any("OTG" in header for header in table_headers(lines).values())
    rows = split_sentences("Stufen: Modus Helligkeit Leuchtdauer\nHoch 300 lm 2 h\nNiedrig 50 lm 12 h")
    assert set(table_headers(rows).values()) == {"Stufen: Modus Helligkeit Leuchtdauer"}


HEADSET = _product("headset-x", "de", (
    "Geschlossener Studiokopfhörer mit 32 Ohm. 5 Jahre Garantie. Kabel: 2,5 m, gewendelt, abnehmbar. Gewicht: 240 g (ohne Kabel)"
), title="Studiokopfhörer Echo")  # fmt: skip
HEADSET_EN = _product("headset-y", "en", (
    "Closed studio headphones with 32 ohms. 5 years warranty. Lead: 2.5 m, coiled, detachable. Weight: 240 g (without the cable)"
), title="Studio Headphones Echo")  # fmt: skip


@pytest.mark.parametrize(
    ("product", "question", "lang"),
    [(HEADSET, "How long is the cable?", "en"), (HEADSET, "Wie lang ist das Kabel?", "de"), (HEADSET_EN, "Wie lang ist das Kabel?", "de")],
)
def test_how_long_a_part_is_is_its_length_in_metres_not_the_guarantee(finder, product, question, lang):
    answers = finder.answer(product, question, lang)
    assert answers and "2" in answers[0].sentence.text and "m," in answers[0].sentence.text


@pytest.mark.parametrize(("product", "question", "lang"), [(HEADSET, "Wie lange ist die Garantie?", "de"), (HEADSET_EN, "How long is the warranty?", "en")])
def test_a_guarantee_asked_is_still_answered_by_its_years(finder, product, question, lang):
    answers = finder.answer(product, question, lang)
    assert answers and "5" in answers[0].sentence.text


def test_an_english_le_word_shares_its_german_el_twin():
    assert shares_word({"cable"}, "Kabel: 3 m") and shares_word({"kabel"}, "Cable: 3 m")
    assert not shares_word({"table"}, "Kabel: 3 m")


def test_which_in_any_german_case_is_no_word_the_text_must_mention():
    assert "welchem" not in content_words("Aus welchem Holz ist der Tisch?")


ROBOT = _product("robot-x", "de", "Saugroboter mit Lasernavigation. 3 Jahre Garantie. Laufzeit: bis zu 120 Minuten im Eco-Modus", title="Saugroboter Wirbel")
ROBOT_EN = _product("robot-y", "en", "Robot vacuum with laser navigation. 3 years guarantee. Runtime: up to 120 minutes in eco mode", title="Robot Vacuum Whirl")


@pytest.mark.parametrize(("product", "question", "lang"), [(ROBOT, "Wie lange hält er durch?", "de"), (ROBOT, "Wie lange läuft er?", "de"), (ROBOT_EN, "How long does it last?", "en")])
def test_a_guarantee_is_no_time_of_use(finder, product, question, lang):
    answers = finder.answer(product, question, lang)
    assert not answers or "120" in answers[0].sentence.text
    sentences, scores, _named, order = finder.ordered(product, question, lang, product.name(lang))
    assert "120" in sentences[order[0]].text


def test_a_material_named_beside_another_kind_asks_that_kind_not_the_material():
    assert asked_materials("Aus welchem Leder sind die?", ["material"]) == ["leather"]
    assert asked_materials("Wie fein ist die Wolle?", ["material", "fineness"]) == []
    assert asked_materials("Ist der Lederrucksack wasserdicht?", ["material"]) == []


TROUSERS = _product("trousers-x", "de", (
    "<p>Lederhose aus 1,2 mm Rindleder mit Stretch-Einsätzen.</p>"
    "<table><tr><th>Größe</th><th>Bund</th></tr><tr><td>48</td><td>82–85 cm</td></tr><tr><td>50</td><td>86–89 cm</td></tr>"
    "<tr><td>52</td><td>90–93 cm</td></tr></table>"
), title="Lederhose Tour")  # fmt: skip


def test_a_size_tables_centimetres_state_no_length_asked(finder):
    assert finder.answer(TROUSERS, "Welche Innenbeinlänge hat die Lederhose?", "de") == []
    assert finder.answer(TROUSERS, "What is the inside leg length?", "en") == []


def test_a_yes_no_question_on_a_material_asks_no_kind_of_it():
    assert asked_materials("Is the merino wool mulesing-free?", ["material"]) == []
    assert asked_materials("Ist die Wolle mulesingfrei?", ["material"]) == []
    assert asked_materials("Was für Leder ist das?", ["material"]) == ["leather"]


def test_an_english_material_asks_the_material_only_by_which():
    assert "material" in asked_aspects("what leather is it?") and "material" in asked_aspects("Which kind of wool is it?")
    assert "material" not in asked_aspects("Is the merino wool mulesing-free?")


SOCKS = _product("socks-x", "de", (
    "Heated socks with two batteries. Charging time: approx. 5 h with the dual charger. Runtime on level one up to 9 h."
), title="Heizsocken Glut")  # fmt: skip


def test_an_english_text_in_a_german_field_is_no_reason_to_call_german_words_unknown(finder):
    answers = finder.answer(SOCKS, "Wie lange heizen die Socken auf Stufe eins?", "de")
    assert answers and "9 h" in answers[0].sentence.text


def test_a_german_word_ending_in_le_keeps_its_compounds():
    assert shares_word({"stille"}, "Badeanzug für die Stillzeit: mit Clip")
