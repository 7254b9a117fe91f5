"""A measure of a named size answered from the product's line or the store's size guide (or an
honest "we don't know"), a message that only states a body measure taken for a size question,
and sizes by body height from a store guide with open ends."""

from __future__ import annotations

from actions.size_statement import states_body_measure
from actions.size_value_measure import asked_measure, size_measure_reply
from catalog.policies import Passage
from catalog.size_guide_chart import size_for_height, size_for_wearer
from tests.test_variants import optioned

GUIDE = [
    Passage("sizes", "de", "Kindergrößen", "| Größe | Alter ca. |\n|---|---|\n| 104 | 3–4 Jahre |\n| 110 | 4–5 Jahre |", "Größenberatung"),
    Passage("sizes", "en", "Brand sizes", "The brand labels sizes by age: 6M = 68, 12M = 80, 2Y = 92.", "Size guide"),
    Passage("sizes", "en", "Blankets", "- Up to about 1.65 m tall: **140 x 190 cm**\n- 1.65 m and taller: **160 x 210 cm**", "Size guide"),
    Passage("sizes", "de", "Decken", "- Bis 165 cm Körpergröße: **140 x 190 cm**\n- Ab 165 cm Körpergröße: **160 x 210 cm**", "Größenberatung"),
]  # fmt: skip


def _product(pid: str, sizes: list[str], text: str):
    product = optioned(pid.lower().replace("ü", "ue"), ("Größe",), [(s, 2) for s in sizes], size_option="Größe")
    return product.copy(update={"title": {"de": pid, "en": pid}, "description": {"de": text}})


SHIRT = _product("Ringelshirt", ["104/110", "116/122"], "Shirt aus Baumwolle.\n104/110 – Länge 44 cm, Breite 31 cm\n116/122 – Länge 48 cm, Breite 33 cm")
BOOT = _product("Regenstiefel", ["24/25", "26/27"], "Naturkautschuk.\nGr. Innenlänge (cm)\n24/25 16,1\n26/27 17,4")
TROUSERS = _product("Latzhose", ["104", "110"], "Robuste Latzhose aus Baumwolle.")
ROMPER = _product("Body", ["6M", "12M", "2Y"], "A romper of organic cotton.")


def test_a_measure_of_a_named_size_is_read_from_the_products_line():
    said, unknown = size_measure_reply(SHIRT, "Wie lang ist das Shirt in 116/122?", "de", GUIDE)
    assert "Länge 48 cm" in said and "44 cm" not in said and not unknown
    said, _ = size_measure_reply(SHIRT, "How wide is the 104/110?", "en", GUIDE)
    assert "Breite 31 cm" in said


def test_a_column_table_gives_the_measure_by_its_header():
    said, unknown = size_measure_reply(BOOT, "Welche Innenlänge hat Größe 26/27?", "de", GUIDE)
    assert "17,4" in said and "Innenlänge" in said and not unknown
    said, _ = size_measure_reply(BOOT, "What's the inner length of size 24/25?", "en", GUIDE)
    assert "16,1" in said


def test_the_store_guide_gives_age_or_centimetres_of_a_size():
    said, unknown = size_measure_reply(TROUSERS, "Größe 110 entspricht welchem Alter?", "de", GUIDE)
    assert "4–5 Jahre" in said and "3–4" not in said and not unknown
    said, _ = size_measure_reply(ROMPER, "What is 12M in centimetres?", "en", GUIDE)
    assert "12M = 80" in said and "68" not in said


def test_a_measure_nobody_gives_is_honestly_unknown_with_a_person():
    said, unknown = size_measure_reply(TROUSERS, "Wie lang ist die Hose in Größe 104?", "de", GUIDE)
    assert unknown and "keine Angaben" in said and "Mitarbeiter" in said
    said, unknown = size_measure_reply(TROUSERS, "What's the sleeve length of this one?", "en", GUIDE)
    assert unknown and "no information" in said and "person" in said


def test_a_size_question_or_a_stock_question_is_no_measure_of_a_size():
    assert asked_measure(SHIRT, "Haben Sie das Shirt in 116/122?") is None
    assert asked_measure(SHIRT, "Welche Größe bei 118 cm?") is None
    assert asked_measure(SHIRT, "Is 116/122 long enough for my son?") is None
    assert asked_measure(BOOT, "Is the insole removable?") is None


def test_a_short_statement_of_a_body_measure_on_a_product_page():
    assert states_body_measure(TROUSERS, "my son is 4 and 108 cm tall")
    assert states_body_measure(TROUSERS, "sie wiegt 14 kg")
    assert states_body_measure(TROUSERS, "Mein Sohn ist 5")
    assert not states_body_measure(TROUSERS, "my parcel weighs 12 kg")
    assert not states_body_measure(TROUSERS, "Ich warte seit 5 Tagen")
    assert not states_body_measure(None, "my son is 4")
    single = _product("Mütze", ["One Size"], "Eine Mütze.")
    assert not states_body_measure(single, "my son is 4")


def test_a_guide_of_sizes_by_height_with_open_ends():
    blanket = _product("Decke", ["140x190", "160x210"], "Eine Decke.")
    assert size_for_height(blanket, GUIDE, "en", 158)[0] == "140x190"
    assert size_for_height(blanket, GUIDE, "en", 178)[0] == "160x210"
    assert size_for_height(blanket, GUIDE, "de", 165)[0] == "160x210"  # on the border: the larger one
    assert "1.65 m and taller" in size_for_height(blanket, GUIDE, "en", 190)[1]
    assert size_for_height(TROUSERS, GUIDE, "de", 108) is None  # its sizes are not in the guide


def test_a_measure_the_text_gives_for_all_sizes_is_left_to_the_usual_answer():
    breeches = _product("Reithose", ["36", "38"], "Reithose mit Kniebesatz. Innenbeinlänge für alle Größen 80 cm.")
    assert size_measure_reply(breeches, "What's the inseam of size 38?", "en", GUIDE) is None
    assert size_measure_reply(breeches, "Welche Schrittlänge hat die 36?", "de", GUIDE) is None


def test_a_page_message_without_a_measure_is_no_size_statement():
    assert not states_body_measure(TROUSERS, "Mein Sohn mag Dinos")
    assert not states_body_measure(TROUSERS, "thanks, that helps")


def test_a_number_of_another_measure_after_the_word_gives_no_measure():
    kimono = _product("Kimono", ["S/M", "L/XL"], "Kimono aus Waffelpiqué, 3/4-Ärmel, Länge ca. 110 cm.")
    said, unknown = size_measure_reply(kimono, "Wie lang sind die Ärmel beim Kimono in cm?", "de", GUIDE)
    assert unknown and "Ärmellänge" in said
    jacket = _product("Jacke", ["S", "M"], "Jacke aus Loden. Ärmellänge 62 cm in Größe M.")
    assert size_measure_reply(jacket, "How long are the sleeves?", "en", GUIDE) is None  # the text gives it: the usual answer


def test_the_measure_named_before_the_size():
    parka = _product("Parka", ["M", "L"], "Lange Winterjacke.\nRückenlänge Gr. L: 86 cm\nFällt normal aus.")
    said, unknown = size_measure_reply(parka, "How long is the back in size L?", "en", GUIDE)
    assert "Rückenlänge Gr. L: 86 cm" in said and not unknown


def test_a_question_naming_an_age_is_no_statement_of_one():
    assert states_body_measure(TROUSERS, "my daughter is 4", statement=True)
    assert not states_body_measure(TROUSERS, "Ist sie warm genug für 4 Jahre?", statement=True)
    assert not states_body_measure(TROUSERS, "warm enough for a 4 year old?", statement=True)
    assert states_body_measure(TROUSERS, "warm enough for a 4 year old?")  # refused by the classifier: rather a size question


WEARERS = [
    Passage("sizes", "de", "Hundegeschirre", "S passt für Dackel und Mops, M für Beagle und Cocker, L für Labrador und Schäferhund.", "Größenberatung"),
    Passage("sizes", "en", "Dog harnesses", "S fits dachshunds and pugs, M beagles and spaniels, L labradors and shepherds.", "Size guide"),
]  # fmt: skip


def test_a_wearer_the_store_guide_places_in_a_size():
    harness = optioned("geschirr", ("Größe",), [("S", 1), ("M", 1), ("L", 1)], size_option="Größe")
    harness = harness.copy(update={"title": {"de": "Brustgeschirr Komfort", "en": "Comfort harness"}})
    assert size_for_wearer(harness, "Welche Größe für meinen Beagle?", WEARERS, "de")[0] == "M"
    assert size_for_wearer(harness, "Which size for my labrador?", WEARERS, "en")[:2] == ("L", "labrador")
    assert size_for_wearer(harness, "Which size for my dog?", WEARERS, "en") is None  # named by no size
    assert size_for_wearer(harness, "Welche Größe für das Brustgeschirr?", WEARERS, "de") is None  # the product itself


def test_a_length_to_choose_from_the_usual_size_is_no_measure_of_it():
    jeans = optioned("jeans", ("Größe",), [("L30", 1), ("L32", 1), ("L34", 1)], size_option="Größe")
    assert asked_measure(jeans, "I normally wear L32 and I'm going to wash them. Which length should I get?") is None
    assert asked_measure(jeans, "Welche Länge soll ich nehmen, ich trage sonst L32?") is None


def test_body_measures_of_a_named_size_from_rows_headers_labels_and_blocks():
    hat = _product("Wollmütze", ["S", "M", "L"], "Warme Mütze.\nGrößentabelle\nGröße Kopfumfang\nS 52–54 cm\nM 55–57 cm\nL 58–60 cm")
    said, unknown = size_measure_reply(hat, "What head circumference is size M?", "en", [])
    assert "55–57" in said and "52" not in said and not unknown
    coat = _product("Mantel", ["46", "48", "24", "25"], "Wollmantel.\nGröße Körpergröße Brustumfang\nNormalgrößen\n46 168–172 cm 92 cm\n"
                    "48 172–176 cm 96 cm\nKurzgrößen\n24 160–164 cm 96 cm\n25 163–167 cm 100 cm")  # fmt: skip
    assert "163–167" in size_measure_reply(coat, "Für welche Körpergröße ist Gr. 25?", "de", [])[0]
    assert "96 cm" in size_measure_reply(coat, "Welche Brustweite hat die 48?", "de", [])[0]
    shirt = _product("Oxfordhemd", ["39", "40", "41"], "Hemd.\nKragenweite 39 → Brustweite 110 cm\nKragenweite 40 → 114 cm\nKragenweite 41 → 118 cm")
    assert "114 cm" in size_measure_reply(shirt, "Brustweite bei Kragenweite 40?", "de", [])[0]
    jeans = optioned("chino", ("Waist",), [("W30", 2), ("W32", 2)], size_option="Waist")
    jeans = jeans.copy(update={"title": {"en": "Chino"}, "description": {"en": "Waist (garment, flat × 2): W30 78 cm · W32 83 cm."}})
    assert "83 cm" in size_measure_reply(jeans, "What's the garment waist of W32?", "en", [])[0]
    pens = optioned("pens", ("Modell",), [("F1", 2), ("M2", 2)])
    pens = pens.copy(update={"title": {"de": "Stifte"}, "description": {"de": "Modell Durchmesser Länge\nF1 8,2 mm 140 mm\nM2 9,5 mm 145 mm"}})
    assert "9,5 mm" in size_measure_reply(pens, "Welchen Durchmesser haben die M2?", "de", [])[0]


def test_a_body_measure_the_text_gives_no_line_for_is_left_to_the_usual_answer():
    suit = _product("Anzug", ["50", "52", "102"], "Anzug.\nGröße Brust Körpergröße\n50 98–101 176–181\n52 102–105 179–184")
    assert size_measure_reply(suit, "Für welche Körpergröße ist die 102?", "de", []) is None  # not the range "102–105" of size 52
    assert size_measure_reply(_product("Pulli", ["S", "M"], "Ein Pulli."), "Chest of size M?", "en", []) is None


def test_a_measure_word_inside_the_products_name_asks_no_measure():
    slip = _product("High-Waist-Panty", ["40", "42"], "Ein Slip.\nBundweite: 40 bis 85 cm, 42 bis 90 cm")
    assert size_measure_reply(slip, "Gibt es den High-Waist-Panty in 42 Schwarz?", "de", []) is None
    assert size_measure_reply(slip, "What waist is size 42?", "en", []) is not None
