"""Sentences of a product's own text as answers (catalog/passages.py), with the real embedder."""

from __future__ import annotations

import pytest

from catalog.models import Product
from catalog.passages import (
    ANSWER_SIMILARITY,
    PassageFinder,
    asked_aspects,
    definition_label,
    free_of,
    product_sentences,
    shares_word,
    states_aspect,
)
from catalog.sentences import listed_after, split_sentences, table_headers

KETTLE = Product(
    id="glass-kettle", title={"en": "Glass Kettle 1.7 l"}, category="home",
    description={"en": (
        "<p>Borosilicate glass kettle with a blue LED ring.</p><ul><li>Holds 1.7 litres, enough for six cups.</li>"
        "<li>Switches off automatically when the water boils or the kettle is empty.</li></ul>"
        "<p>The limescale filter can be taken out and rinsed under the tap. Weighs approx. 1.1 kg.</p>"
    )},
    variants=[{"sku": "GK-1", "price": 39.0, "stock": 4}],
)  # fmt: skip
BOOT = Product(
    id="frost-boot", title={"de": "Frost Winterstiefel"}, category="shoes",
    description={"de": "Gefütterter Winterstiefel mit Lammwolle. Der Stiefel fällt eine halbe Nummer klein aus, bitte eine Nummer größer bestellen. Der Schaft ist 28 cm hoch."},
    variants=[{"sku": "FB-40", "size": "40", "price": 99.0, "stock": 2}],
)  # fmt: skip


def test_split_handles_html_lists_and_abbreviations():
    text = "<p>Mit Kapuze, z. B. für Regen.</p><ul><li>Gewicht ca. 350 g</li><li>Waschbar bei 30 °C</li></ul>Fasst 2 l. Ende gut."
    assert split_sentences(text) == ["Mit Kapuze, z. B. für Regen.", "Gewicht ca. 350 g", "Waschbar bei 30 °C", "Fasst 2 l.", "Ende gut."]


def test_a_german_ordinal_after_an_article_ends_no_sentence():
    text = "Stützt ab etwa der 20. Schwangerschaftswoche. Lieferung ab dem 3. Tag. Größen 36 bis 46. Neu im Sortiment."
    assert split_sentences(text) == ["Stützt ab etwa der 20. Schwangerschaftswoche.", "Lieferung ab dem 3. Tag.", "Größen 36 bis 46.", "Neu im Sortiment."]


def test_split_keeps_an_abbreviation_in_brackets():
    assert split_sentences("Gewicht 310 g pro Schuh (Gr. 42). Mit Membran.") == ["Gewicht 310 g pro Schuh (Gr. 42).", "Mit Membran."]


def test_split_cuts_a_run_on_text_without_stops():
    pieces = split_sentences("wort " * 300)
    assert len(pieces) > 2 and all(len(p) <= 400 for p in pieces)


def test_sentences_come_from_the_shoppers_language_else_the_other():
    both = Product(id="x", title={"de": "X", "en": "X"}, category="home", description={"de": "Deutscher Satz hier.", "en": "English sentence here."},
                   variants=[{"sku": "X1", "price": 1.0, "stock": 1}])  # fmt: skip
    assert [s.text for s in product_sentences(both, "en")] == ["English sentence here."]
    assert [s.text for s in product_sentences(both, "de")] == ["Deutscher Satz hier."]
    only_de = product_sentences(BOOT, "en")
    assert only_de[0].lang == "de" and only_de[0].field == "description"


def test_asked_aspects():
    assert asked_aspects("Wie schwer ist der Rucksack?") == ["weight"]
    assert "battery" in asked_aspects("How long does the battery last?")
    assert asked_aspects("Is there a visor?") == []


@pytest.fixture(scope="module")
def finder(use_embedder):
    return PassageFinder(use_embedder)


def test_german_question_on_english_text_quotes_the_sentence(finder):
    answers = finder.answer(KETTLE, "Schaltet der Wasserkocher automatisch ab?", "de")
    assert answers and answers[0].sentence.text == "Switches off automatically when the water boils or the kettle is empty."
    assert answers[0].sentence.lang == "en" and answers[0].score >= ANSWER_SIMILARITY
    weight = finder.answer(KETTLE, "Wie viel wiegt der Wasserkocher?", "de")
    assert weight and weight[0].sentence.text == "Weighs approx. 1.1 kg."


def test_english_question_on_german_text(finder):
    answers = finder.answer(BOOT, "Does it run small?", "en")
    assert answers and "klein aus" in answers[0].sentence.text


def test_what_the_text_does_not_say_gets_no_answer(finder):
    assert finder.answer(KETTLE, "Can I set the temperature for green tea?", "en") == []
    assert finder.answer(BOOT, "Gibt es den auch für Herren?", "de") == []


def test_labelled_set_precision_and_recall_at_the_threshold(use_embedder):
    """The calibration of bench/sentence_threshold.py holds on both labelled sets: at the chosen
    threshold at least 0.9 of the quoted sentences are the labelled ones and 0.55 of the
    answerable questions get one; of the questions in the band below it, where the closest
    sentence is offered as no clear answer, most of those the text answers get the labelled
    sentence (not counting those it does not answer: a better ranking lifts right answers out of
    the band and leaves them behind, which the reply then says the data does not tell)."""
    from bench.sentence_threshold import DEFAULT, load, scored, table
    from catalog.passages import CLOSEST_SIMILARITY

    results = scored([row for path in DEFAULT for row in load(path)], PassageFinder(use_embedder))
    row = table(results, [ANSWER_SIMILARITY])[0]
    assert row["precision"] >= 0.9 and row["recall"] >= 0.55, row
    band = [r for r in results if CLOSEST_SIMILARITY <= r[2] < ANSWER_SIMILARITY and r[0]["answers"]]
    assert sum(1 for r in band if r[1] in r[0]["answers"]) >= 0.75 * len(band)


def test_table_rows_and_definitions_are_label_value_sentences():
    table = "<table><tr><th>Komfort</th><td>-4 °C</td></tr><tr><td>Limit</td><td>-10 °C</td></tr></table><p>Mit Packsack.</p>"
    assert split_sentences(table) == ["Komfort: -4 °C", "Limit: -10 °C", "Mit Packsack."]
    assert split_sentences("<dl><dt>Gewicht</dt><dd>350 g</dd><dt>Material</dt><dd>Baumwolle</dd></dl>") == ["Gewicht: 350 g", "Material: Baumwolle"]


def test_a_label_on_its_own_line_is_joined_with_its_value():
    text = "<p><b>Material</b><br>100 % Baumwolle</p><p><strong>Pflege:</strong></p><p>Bei 30 °C waschen</p><p>Technische Daten:</p><ul><li>Akku: 20 h</li></ul>"
    assert split_sentences(text) == ["Material: 100 % Baumwolle", "Pflege: Bei 30 °C waschen", "Technische Daten:", "Akku: 20 h"]
    # list items are not labels of each other
    assert split_sentences("<ul><li>Leicht und warm</li><li>Wasserdicht</li></ul>") == ["Leicht und warm", "Wasserdicht"]


def test_origin_included_and_use_questions_find_their_sentences(finder):
    sneaker = Product(
        id="sneaker", title={"de": "Leder-Sneaker Stadt"}, category="shoes",
        description={"de": "Klassischer Sneaker aus Rindsleder, handgefertigt in Portugal. Herausnehmbare Korkeinlegesohle. Nicht für den Sport geeignet."},
        variants=[{"sku": "S-41", "size": "41", "price": 159.0, "stock": 2}],
    )  # fmt: skip
    assert asked_aspects("Where are they made?") == ["origin"] and "included" in asked_aspects("Ist ein Packsack dabei?")
    assert finder.answer(sneaker, "Can I use them for running?", "en")[0].sentence.text == "Nicht für den Sport geeignet."
    closest = finder.answer(sneaker, "Where are they made?", "en", threshold=0.1)
    assert closest and "Portugal" in closest[0].sentence.text


def test_a_free_of_question_finds_the_sentence_naming_the_substance(finder):
    dough = Product(
        id="dough", title={"de": "Bio-Knete 6 Farben"}, category="toys",
        description={"de": "Weiche Knete in sechs Farben, mit Lebensmittelfarben gefärbt. Hinweis: Enthält Weizen (Gluten) – nicht geeignet bei Zöliakie. Nach dem Spielen in der Dose aufbewahren."},
        variants=[{"sku": "K6", "price": 12.0, "stock": 5}],
    )  # fmt: skip
    assert free_of("Ist die Knete glutenfrei?") == "gluten" and free_of("Is it PVC free?") == "pvc" and free_of("Is it free?") is None
    assert "Gluten" in finder.answer(dough, "Ist die Knete glutenfrei?", "de", threshold=0.1)[0].sentence.text


def test_a_bracket_after_an_abbreviation_stays_in_its_sentence():
    assert split_sentences("Alter (ca.) Gewicht Schaltung\nEr sagte „Hallo.“ Dann ging er.") == ["Alter (ca.) Gewicht Schaltung", "Er sagte „Hallo.“", "Dann ging er."]


HEADLAMP = Product(
    id="headlamp", title={"de": "Stirnlampe 450 lm"}, category="outdoor",
    description={"de": (
        "Leichte Akku-Stirnlampe mit Rotlicht.\nLeuchtstufen: Modus Helligkeit Leuchtdauer Leuchtweite\n"
        "Boost 450 lm 2,5 h 95 m\nMittel 200 lm 6 h 60 m\nNiedrig 30 lm 40 h 20 m\nRotlicht – 60 h\nAkku: 1.800 mAh Li-Ion"
    )},
    variants=[{"sku": "H-1", "price": 49.9, "stock": 4}],
)  # fmt: skip


def test_a_flattened_table_row_is_read_and_quoted_with_its_header(use_embedder):
    lines = split_sentences(HEADLAMP.description["de"])
    assert table_headers(lines) == dict.fromkeys((2, 3, 4), "Leuchtstufen: Modus Helligkeit Leuchtdauer Leuchtweite")
    assert table_headers(["Leichte Stirnlampe.", "Akku 1.800 mAh, 3 h"]) == {}  # prose, no header
    assert table_headers(["Gesund schlafen", "Kern H2, 10 cm hoch.", "Bezug bei 60 °C waschbar, 100 % Baumwolle."]) == {}  # a heading over prose
    answers = PassageFinder(use_embedder).answer(HEADLAMP, "Wie weit leuchtet die Lampe im Modus Mittel?", "de")
    assert answers[0].sentence.quoted == "Leuchtstufen: Modus Helligkeit Leuchtdauer Leuchtweite … Mittel 200 lm 6 h 60 m"
    answers = PassageFinder(use_embedder).answer(HEADLAMP, "Welche Leuchtdauer hat das Rotlicht?", "de", threshold=-1)
    assert all(a.sentence.text != "Leuchtstufen: Modus Helligkeit Leuchtdauer Leuchtweite" for a in answers)  # the labels alone answer nothing


def test_a_question_about_what_the_text_never_mentions_gets_no_answer(finder):
    """Words the question shares with a sentence ("Leder", "laptop sleeve") do not make it the
    answer when the asked thing itself is nowhere in the text; the closest sentence stays."""
    shoe = Product(
        id="leather-shoe", title={"de": "Hüttenweg Lederwanderschuh"}, category="shoes",
        description={"de": "Zwiegenähter Wanderschuh aus gewachstem Vollleder. Gewachstes Rindsleder, Lederfutter, zwiegenähte Gummisohle."},
        variants=[{"sku": "HW-42", "size": "42", "price": 159.0, "stock": 2}],
    )  # fmt: skip
    backpack = Product(
        id="city-backpack", title={"en": "City Backpack 20 L"}, category="bags",
        description={"en": "Clean-lined 20-litre city backpack with a padded sleeve for laptops up to 14 inches. Made from water-repellent recycled polyester."},
        variants=[{"sku": "CB-20", "price": 89.0, "stock": 2}],
    )  # fmt: skip
    assert finder.answer(shoe, "Ist das Leder chromfrei gegerbt?", "de") == []
    assert finder.answer(backpack, "Does the laptop sleeve have a USB charging port?", "en") == []
    assert finder.answer(backpack, "Does the laptop sleeve have a USB charging port?", "en", threshold=0.0)  # the closest
    assert finder.answer(backpack, "Is the laptop sleeve padded?", "en")


def test_a_one_word_statement_is_a_sentence_but_a_heading_is_not():
    assert split_sentences("Low-top in organic cotton canvas. Vegan.") == ["Low-top in organic cotton canvas.", "Vegan."]
    assert split_sentences("Neu! Details") == []


def test_a_german_compound_states_the_measure_it_ends_in():
    assert states_aspect("Schafthöhe 38 cm.", ["height"]) and states_aspect("Sitzbreite 45 cm", ["width"])
    assert states_aspect("Armlänge: 64 cm (Standard).", ["length"]) and states_aspect("Armlänge: 64 cm", ["sleeves"])
    assert asked_aspects("What's the sleeve length?") == ["length", "sleeves"]


def test_impedance_fineness_and_where_it_is_sewn_are_kinds_of_fact():
    assert asked_aspects("What impedance do these headphones have?") == ["impedance"] and states_aspect("50 mm drivers, 32 ohm", ["impedance"])
    assert "fineness" in asked_aspects("Wie fein ist die Wolle?") and states_aspect("extra fine 17.5 micron merino", ["fineness", "material"])
    assert "origin" in asked_aspects("Where are the blouses sewn?") and states_aspect("Genäht in Portugal.", ["origin"])


def test_a_definition_is_a_label_before_a_colon_or_a_statement_of_three_words():
    assert definition_label("In the box: headphones, hard case, USB-C cable.") == "In the box"
    assert definition_label("Genäht in Portugal.") == "Genäht in Portugal."
    assert definition_label("Timeless low-top in organic cotton canvas.") is None


def _de(pid: str, title: str, text: str, lang: str = "de") -> Product:
    return Product(id=pid, title={lang: title}, category="x", description={lang: text}, variants=[{"sku": pid, "price": 1.0, "stock": 1}])


def test_a_definition_stating_the_asked_kind_answers_it(finder):
    phones = _de("p", "Wave Headphones", "<ul><li>3.5 mm jack for wired use, cable included</li><li>Weight: 250 g</li></ul>"
                 "<p>In the box: headphones, hard case, USB-C cable.</p>", "en")  # fmt: skip
    assert finder.answer(phones, "Was ist im Lieferumfang enthalten?", "de")[0].sentence.text.startswith("In the box:")
    blouse = _de("b", "Leinenbluse Marie", "Luftige Bluse aus 100 % Leinen mit Stehkragen. Genäht in Portugal.")
    assert finder.answer(blouse, "Where are the Marie blouses sewn?", "en")[0].sentence.text == "Genäht in Portugal."
    boot = _de("g", "Gummistiefel", "Handgefertigte Gummistiefel aus Naturkautschuk. Schafthöhe 38 cm. Fällt groß aus: bitte kleiner bestellen.")
    assert finder.answer(boot, "How tall is the shaft?", "en")[0].sentence.text == "Schafthöhe 38 cm."


def test_a_definition_of_another_thing_the_text_names_does_not_answer(finder):
    lamp = _de("l", "Lampe", "<ul><li>Length: 120 cm</li><li>The cable is 1.5 m long and fabric-covered.</li></ul>", "en")
    answers = finder.answer(lamp, "What length is the cable?", "en")
    assert answers and answers[0].sentence.text.startswith("The cable")


def test_a_definition_stating_only_one_of_the_asked_kinds_does_not_answer(finder):
    speaker = _de("s", "Lautsprecher Mini", "<ul><li>Leistung 10 W</li><li>Ladekabel USB-C liegt bei, Netzteil nicht.</li><li>Gewicht 540 g</li></ul>")
    assert states_aspect("Ladekabel USB-C liegt bei, Netzteil nicht.", ["included"])
    assert finder.answer(speaker, "Is a power adapter included?", "en")[0].sentence.text.startswith("Ladekabel")


def test_a_shoes_sole_is_a_feature_in_both_languages(finder):
    assert asked_aspects("What sole does the sneaker have?") == ["sole"] and asked_aspects("Welche Sohle hat der Schuh?") == ["sole"]
    shoe = _de("t", "Trail Sneaker GTX", "<p>Everyday sneaker with a membrane.</p><ul><li>Upper: recycled mesh</li><li>Sole: Vibram rubber</li></ul>", "en")
    assert finder.answer(shoe, "Welche Sohle hat der Schuh?", "de")[0].sentence.text == "Sole: Vibram rubber"


def test_a_figure_of_days_hours_or_months_with_a_word_before_its_unit_states_a_duration():
    assert states_aspect("Engraving takes 5 working days.", ["duration"]) and states_aspect("Lieferzeit 7 Werktage.", ["duration"])
    assert asked_aspects("Wie lange läuft die Uhr, wenn ich sie ablege?") == ["power_reserve"]  # that reserve, not any duration
    assert asked_aspects("How long does it keep after opening?") == ["shelf_life"]


def test_water_kinds_cover_diving_depth_the_sea_and_atm_but_not_a_word_ending_in_rain():
    assert "water" in asked_aspects("How deep can I dive with it?") and "water" in asked_aspects("Is it okay to wear the chain in the sea?")
    assert states_aspect("Wasserdichtigkeit: 20 ATM / 200 m", ["water"]) and not states_aspect("Full-grain leather with a cotton lining.", ["water"])


def test_a_material_word_starting_a_compound_names_the_product_not_its_material():
    assert asked_aspects("Ist der Lederrucksack wasserdicht?") == ["water"]
    assert "material" in asked_aspects("Ist das Band aus Leder?") and "material" in asked_aspects("Are the posts real gold?")
    assert states_aspect("auf Steckern aus 750 Gelbgold", ["material"])


def test_what_a_product_is_for_and_a_watch_movement_are_kinds_of_fact():
    assert states_aspect("For all skin types, including oily skin.", ["use"]) and "use" in asked_aspects("Can I swim with this watch?")
    assert asked_aspects("What movement is inside?") == ["movement"] and states_aspect("Werk: Sellita SW200-1, Automatik", ["movement"])


def test_a_rated_class_is_a_kind_of_fact():
    assert asked_aspects("Welche Filterkategorie haben die Gläser?") == ["rating"] and states_aspect("UV400, lens category 3.", ["rating"])
    assert states_aspect("Energieeffizienzklasse A", ["rating"]) and not states_aspect("Lightweight frame with mineral glass lenses.", ["rating"])


def test_a_statement_of_three_words_and_a_detail_in_brackets_is_a_definition():
    assert definition_label("Made in Switzerland (Jura).") == "Made in Switzerland (Jura)."
    assert definition_label("Made in our Zurich workshop (Kreis 4).") is None


def test_a_german_compound_ending_in_a_word_of_the_other_language_is_shared():
    assert shares_word({"filterkategorie"}, "lens category 3") == 1.0  # "-kategorie" ~ "category"
    assert shares_word({"kategorie"}, "lens category 3") == 1.0 and shares_word({"filterkategorie"}, "lens type 3") == 0.0


def test_a_power_reserve_and_a_bracketed_origin_answer_their_questions(finder):
    watch = _de("w", "Automatikuhr Bahnhofstrasse", "<ul><li>Gangreserve: 38 Stunden</li></ul><p>Made in Switzerland. 3 Jahre Herstellergarantie.</p>")
    assert finder.answer(watch, "Wie lange läuft die Uhr, wenn ich sie ablege?", "de")[0].sentence.text == "Gangreserve: 38 Stunden"
    cufflinks = _de("c", "Manschettenknöpfe Matterhorn", "<p>Cufflinks with the Matterhorn silhouette.</p><p>Made in Switzerland (Jura).</p>")
    assert finder.answer(cufflinks, "Where are the cufflinks made?", "en")[0].sentence.text == "Made in Switzerland (Jura)."


def test_among_sentences_that_do_not_state_the_asked_kind_the_closest_comes_first(finder):
    carrier = _de("t", "Kanga Babytrage", "<p>Tragepositionen: vor dem Bauch (Blick zu Ihnen), auf der Hüfte und auf dem Rücken (ab ca. 6 Monaten, "
                  "wenn Ihr Kind sicher sitzen kann).</p><p>Eine Tragerichtung mit Blick nach vorne ist bewusst nicht vorgesehen.</p>")  # fmt: skip
    closest = finder.answer(carrier, "Kann ich mein Baby mit Blick nach vorne tragen?", "de", limit=1, threshold=0.0)
    assert closest[0].sentence.text.startswith("Eine Tragerichtung")


BIRDHOUSE_KIT = Product(
    id="birdhouse-kit", title={"de": "Bastelset Vogelhaus Zaunkönig"}, category="toys",
    description={"de": (
        "<p>Ein Vogelhaus zum Selberbauen aus heimischer Kiefer.</p><p>Alles, was Sie zum Bauen brauchen, liegt im Set:</p>"
        "<ul><li>12 vorgebohrte Holzteile</li><li>Holzleim (50 ml)</li><li>Pinsel und 3 Farben</li></ul>"
        "<p>Für Kinder ab 8 Jahren geeignet, mit etwas Hilfe von Erwachsenen beim Leimen.</p>"
    )},
    variants=[{"sku": "BK-1", "price": 24.9, "stock": 3}],
)  # fmt: skip
TENT_KIT = Product(
    id="tent-kit", title={"en": "Trekking Tent Heron 2"}, category="outdoor",
    description={"en": (
        "<p>A light two-person tent for long trips, pitched in five minutes.</p><p>The following items are included with every tent:</p>"
        "<ul><li>tent with poles</li><li>14 aluminium pegs</li><li>stuff sack</li></ul>"
        "<p>The flysheet is treated with silicone on both sides for a long life in the sun.</p>"
    )},
    variants=[{"sku": "TH-2", "price": 249.0, "stock": 3}],
)  # fmt: skip


def test_a_line_ending_in_a_colon_is_read_with_the_items_it_introduces():
    lines = split_sentences(BIRDHOUSE_KIT.description["de"])
    at = lines.index("Alles, was Sie zum Bauen brauchen, liegt im Set:")
    assert listed_after(lines, at) == ["12 vorgebohrte Holzteile", "Holzleim (50 ml)", "Pinsel und 3 Farben"]
    assert listed_after(lines, 0) == []
    lead = next(s for s in product_sentences(TENT_KIT, "en") if s.text.endswith(":"))
    assert lead.quoted.endswith("every tent: tent with poles; 14 aluminium pegs; stuff sack")


@pytest.mark.parametrize(
    "product,question,lang,expected",
    [
        (BIRDHOUSE_KIT, "Was ist alles im Set?", "de", ["Holzteile", "Pinsel"]),
        (TENT_KIT, "What's in the pack?", "en", ["pegs", "stuff sack"]),
    ],
)
def test_what_is_in_the_set_is_answered_by_the_list(finder, product, question, lang, expected):
    answers = finder.answer(product, question, lang, threshold=0.0)
    assert answers and all(word in answers[0].sentence.quoted for word in expected), answers
    assert "included" in asked_aspects(question)
