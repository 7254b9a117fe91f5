"""Sizes from what the merchant wrote: half sizes the fit note names, the size tables of a
product text (several columns, the measure each names), the rule which measure decides, the
advice between two sizes and for a roomier fit, a product's own EU/UK/US table."""

from __future__ import annotations

import re

import pytest

from actions.size_chart_answer import chart_answer
from catalog.measurements import find_measurements
from catalog.models import Product
from catalog.policies import Passage
from catalog.size_advice import (
    between_rule,
    deciding_measure,
    guide_advice,
    preference,
    roomy_rule,
    wants_room,
    width_value,
)
from catalog.size_chart import chart
from catalog.size_table import own_eu
from catalog.sizes import recommend_size
from catalog.variants import wanted_size


def _product(sizes: list[str], description: str = "", fit: str | None = None, fit_notes: str = "", lang: str = "de") -> Product:
    variants = [{"sku": f"p-{i}", "size": s, "options": {"Größe": s}, "price": 50.0, "stock": 5} for i, s in enumerate(sizes)]
    return Product.parse_obj({"id": "p", "title": {lang: "Produkt"}, "category": "shoes", "description": {lang: description},
                              "fit": fit, "fit_notes": {lang: fit_notes} if fit_notes else {}, "option_names": ["Größe"],
                              "size_option": "Größe", "variants": variants})  # fmt: skip


def test_half_a_size_up_where_half_sizes_are_written_with_a_comma() -> None:
    shoe = _product(["41", "42", "42,5", "43", "44", "44,5"], fit="runs_small", fit_notes="Der Schuh fällt eine halbe Nummer klein aus.")
    assert recommend_size(shoe, "42") == ("42.5", "runs_small")
    assert recommend_size(shoe, "44") == ("44.5", "runs_small")


def test_the_merchants_step_wins_over_the_size_run() -> None:
    whole = _product(["41", "42", "42.5", "43"], fit="runs_small", fit_notes="Fällt eine Nummer kleiner aus, bitte eine Größe größer.")
    assert recommend_size(whole, "42") == ("43", "runs_small")
    large = _product(["37", "37.5", "38"], fit="runs_large", fit_notes="Runs large: go half a size down.", lang="en")
    assert recommend_size(large, "38") == ("37.5", "runs_large")


TIGHTS = """Warme Tights.
Größe Taille Hüfte
XS 60–64 cm 84–88 cm
S 65–69 cm 89–93 cm
M 70–74 cm 94–98 cm
L 75–80 cm 99–104 cm
Liegen Taille und Hüfte in unterschiedlichen Größen, richten Sie sich nach der Hüfte."""

GLOVES = """Short-finger gloves. Between two sizes? Pick the smaller one.
Size Hand circumference
S 17–18.5 cm
M 19–20.5 cm
L 21–22.5 cm"""

JAMMER = """Sizes follow the German swimwear system:
Size Waist (cm) Waist (inches)
5 76 30"
6 81 32"
7 86 34"
If you are between two sizes, take the smaller one."""

POLES = """Faltstöcke aus Carbon.
Länge Faltmaß Empfohlen für Körpergröße
110–125 cm 36 cm 155–175 cm
120–135 cm 40 cm 170–195 cm"""

SHOE = """Trailschuh.
EU UK US Herren Fußlänge
42 8 9 26,5 cm
42,5 8,5 9,5 27,0 cm
44 9,5 10,5 28,0 cm
44,5 10 11 28,5 cm"""

JACKET = """Slim, athletic fit. If you plan to wear it over a fleece or a thick mid layer, go one size up.
Size Chest
S 90–95 cm
M 96–101 cm
L 102–107 cm"""


def _rows(product: Product, lang: str = "de") -> set[tuple[str, str, float, float]]:
    return {(r.size, r.measure, r.low, r.high) for r in chart(product, lang)}


def test_a_table_with_several_columns_is_read_by_the_measure_each_column_names() -> None:
    rows = _rows(_product(["XS", "S", "M", "L"], TIGHTS))
    assert ("S", "waist", 65, 69) in rows and ("S", "hip", 89, 93) in rows and not any(r[1] is None for r in rows)
    gloves = _rows(_product(["S", "M", "L"], GLOVES, lang="en"), "en")
    assert ("M", "hand", 19, 20.5) in gloves
    assert {r[:2] for r in _rows(_product(["5", "6", "7"], JAMMER, lang="en"), "en")} == {("5", "waist"), ("6", "waist"), ("7", "waist")}
    poles = _rows(_product(["110–125 cm", "120–135 cm"], POLES))
    assert poles == {("110–125 cm", "height", 155, 175), ("120–135 cm", "height", 170, 195)}  # not the poles' own length
    assert ("42,5", "foot", 27.0, 27.0) in _rows(_product(["42", "42,5", "44", "44,5"], SHOE))  # "US Herren" is one column


@pytest.mark.parametrize(
    ("text", "found"),
    [("Taille 68, Hüfte 95 – welche Größe passt mir?", [("waist", 68), ("hip", 95)]),
     ("Waist 70 cm, hips 97 cm – which size?", [("waist", 70), ("hip", 97)]),
     ("I have a 32 inch waist, what size?", [("waist", 81.3)]),
     ("My hand measures 20 cm around the palm.", [("hand", 20)]),
     ("hand circumference is 8.5 inches, what size gloves?", [("hand", 21.6)]),
     ("Wadenumfang 33 cm, welche Größe?", [("calf", 33)]),
     ("Knöchel 21 cm, Wade 36 cm – welche Größe?", [("ankle", 21), ("calf", 36)]),
     ("ankle 22 cm and calf 35 cm, which size?", [("ankle", 22), ("calf", 35)]),
     ("Über die Knöchel gemessen 20 cm", [("hand", 20)]),
     ("Trousers with an ankle length of 70 cm?", []),
     ("My underbust is 72 cm, what size?", [("underbust", 72)]),
     ("Ich habe 96 cm Brustumfang und mag es nicht so eng.", [("chest", 96)]),
     ("Ich bin 176 cm groß und wiege 75 kg. Welche Größe?", [("height", 176), ("weight", 75)]),
     ("Meine Tochter ist 125 cm groß, Innenbeinlänge 52 cm.", [("inside_leg", 52), ("height", 125)]),
     ("Ich habe Schuhgröße 41, welche Größe?", []),
     ("I'm 6 ft 1 and 170 lbs, which size?", [("height", 185), ("weight", 77.1)]),  # feet and pounds beside the named ones
     ("Chest 40 inches, he is 5'10\" and weighs 11 stone", [("chest", 101.6), ("height", 178), ("weight", 69.9)])],
)  # fmt: skip
def test_every_measurement_of_a_question(text: str, found: list[tuple[str, float]]) -> None:
    assert [(m.measure, m.cm) for m in find_measurements(text)] == found


SOCKS = ("Kompressionsstrümpfe Klasse 1. Größentabelle:\nS: Knöchel 18–20 cm, Wade 28–33 cm\n"
         "M: Knöchel 21–23 cm, Wade 33–38 cm\nL: Knöchel 24–26 cm, Wade 38–43 cm\nXL: Knöchel 27–30 cm, Wade 43–48 cm")
SOCKS_EN = ("Compression socks. Size chart:\nS: ankle 18–20 cm, calf 28–33 cm\nM: ankle 21–23 cm, calf 33–38 cm\n"
            "L: ankle 24–26 cm, calf 38–43 cm\nXL: ankle 27–30 cm, calf 43–48 cm")


@pytest.mark.parametrize(("description", "lang", "question"),
                         [(SOCKS, "de", "Knöchel 21 cm, Wade 36 cm – welche Größe?"),
                          (SOCKS_EN, "en", "My ankle is 22 cm and my calf 35 cm, which size?")])  # fmt: skip
def test_an_ankle_is_charted_apart_from_the_calf(description: str, lang: str, question: str) -> None:
    product = _product(["S", "M", "L", "XL"], description, lang=lang)
    rows = _rows(product, lang)
    assert ("M", "ankle", 21, 23) in rows and ("M", "calf", 33, 38) in rows and ("XL", "calf", 43, 48) in rows
    said = chart_answer(product, find_measurements(question), question, lang, "EUR")
    assert said and "XL" not in said and re.search(r"\bM\b", said), said


def test_the_merchants_rules_in_the_text() -> None:
    assert deciding_measure(_product(["S", "M"], TIGHTS), "de")[0] == "hip"
    assert between_rule(_product(["S", "M"], GLOVES, lang="en"), "en")[0] == "smaller"  # the question and its answer joined
    both = _product(["S", "M"], "Zwischen zwei Größen? Mit langen Beinen die kleinere, sonst die größere Rahmenhöhe.")
    assert between_rule(both, "de") is None
    assert roomy_rule(_product(["S", "M"], JACKET, lang="en"), "en")[0] == 1
    assert wants_room("I usually wear M but want to wear it over a fleece") and wants_room("mag es nicht so eng")
    assert not wants_room("Ich trage normalerweise 40, habe aber Cup E.") and not wants_room("Waist 70 cm, hips 97 cm")


def test_the_products_own_conversion_table_wins() -> None:
    shoe = _product(["42", "42,5", "44", "44,5"], SHOE)
    assert own_eu(shoe, "Welche EU-Größe entspricht UK 10?") == ("UK", "10", "44,5")
    assert wanted_size("Haben Sie den in US 9,5?", shoe) == "42,5"
    assert own_eu(_product(["42", "43"], "Kein Tabelle."), "UK 10?") is None


def test_the_measure_the_merchant_names_decides_between_two_sizes() -> None:
    tights = _product(["XS", "S", "M", "L"], TIGHTS)
    answer = chart_answer(tights, find_measurements("Taille 68, Hüfte 95"), "Taille 68, Hüfte 95", "de", "EUR")
    assert "nach Taillenumfang 68 cm: Größe S" in answer and "Ich empfehle Größe M." in answer
    answer = chart_answer(tights, find_measurements("Taille 72, Hüfte 90"), "Taille 72, Hüfte 90", "de", "EUR")
    assert "Ich empfehle Größe S." in answer  # by the hips, though the waist is M


def test_between_two_sizes_and_roomier_as_the_merchant_says() -> None:
    jammer = _product(["5", "6", "7"], JAMMER, lang="en")
    assert "I recommend size 6." in chart_answer(jammer, find_measurements("My waist is 84 cm"), "My waist is 84 cm", "en", "EUR")
    jacket = _product(["S", "M", "L"], JACKET, lang="en")
    text = "chest 97 cm, I want to wear it over a fleece"
    assert "I therefore recommend size L" in chart_answer(jacket, find_measurements(text), text, "en", "EUR")
    assert "recommend" not in chart_answer(jacket, find_measurements("chest 97 cm"), "chest 97 cm", "en", "EUR")


def test_wide_feet_ask_for_the_wide_version() -> None:
    variants = [{"sku": f"w-{i}", "size": s, "options": {"Größe": s, "Weite": w}, "price": 90.0, "stock": 2}
                for i, (s, w) in enumerate([("44", "Normal"), ("45", "Normal"), ("45", "Weit (2E)")])]  # fmt: skip
    shoe = Product.parse_obj({"id": "w", "title": {"de": "Schuh"}, "category": "shoes", "option_names": ["Größe", "Weite"],
                              "size_option": "Größe", "variants": variants})  # fmt: skip
    assert width_value(shoe, "Ich habe sehr breite Füße, Größe 45.") == ("Weite", "Weit (2E)")
    assert width_value(shoe, "I have wide feet, size 45") == ("Weite", "Weit (2E)")
    assert width_value(shoe, "Größe 45, welche soll ich nehmen?") is None
    assert width_value(_product(["44", "45"]), "breite Füße, 45") is None  # no widths sold


def test_the_stores_size_guide_gives_the_size_for_tall_people() -> None:
    guide = [Passage("groessen", "de", "Versand", "Pakete ab 135×200 cm Größe kosten mehr.", "Versand"),
             Passage("groessen", "de", "Bettwaren", "Übliche Deckengrößen sind 135×200 cm (Standard) und 155×220 cm "
                     "(Komfortgröße, für große Menschen).", "Größenberatung")]  # fmt: skip
    duvet = _product(["135×200 cm", "155×220 cm"])
    assert guide_advice(guide, duvet, "de", 195)[1] == "155×220 cm"
    assert guide_advice(guide, duvet, "de", 170)[1] is None  # the passage, but no size for an average height
    assert guide_advice(guide, _product(["40", "42"]), "de", 195) is None  # bare numbers name nothing


def test_a_measurement_is_written_as_the_shopper_reads_numbers() -> None:
    helmet = _product(["S", "M"], "Helm.\nGröße Kopfumfang\nS 52–56 cm\nM 55–59 cm\nLiegt Ihr Kopfumfang im Überschneidungsbereich, empfehlen wir die kleinere.")
    answer = chart_answer(helmet, find_measurements("Kopfumfang 55,5 cm"), "Kopfumfang 55,5 cm", "de", "EUR")
    assert answer.startswith("55,5 cm liegt bei Produkt genau zwischen Größe S oder M.") and "Ich empfehle Größe S." in answer


def test_a_snugger_fit_where_the_merchant_says_to_size_down() -> None:
    jersey = _product(["S", "M", "L"], JACKET.replace("If you plan", "For a race fit, go one size down. If you plan"), lang="en")
    text = "chest 97 cm, I like it snug"
    assert "I therefore recommend size S" in chart_answer(jersey, find_measurements(text), text, "en", "EUR")
    assert preference(jersey, "en", "not too tight please") == (1.0, "If you plan to wear it over a fleece or a thick mid layer, go one size up.")
    assert preference(_product(["S", "M"], JACKET, lang="en"), "en", "I like it snug") is None  # no rule for it: no change
