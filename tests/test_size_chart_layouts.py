"""Chart layouts merchants write: a line per size charting several measures each after its own
word (the unit once at the end), a table whose title the HTML reader joined with its first row,
and a bra's own band and cup chart (underbust -> band, bust minus underbust -> cup) with the
merchant's rules between two cups and at the upper end of a band."""

from __future__ import annotations

import pytest

from actions.bra_chart_answer import bra_answer
from actions.size_chart_answer import chart_answer
from catalog.bra_chart import bra_chart, bra_fit
from catalog.measurements import find_measurements
from catalog.models import Product
from catalog.size_chart import chart


def _product(options: dict[str, list[str]], description: str, lang: str) -> Product:
    names = list(options)
    combos: list[dict[str, str]] = [{}]
    for name in names:
        combos = [{**c, name: v} for c in combos for v in options[name]]
    variants = [{"sku": f"p-{i}", "size": c[names[0]], "options": c, "price": 40.0, "stock": 5} for i, c in enumerate(combos)]
    return Product.parse_obj({"id": "p", "title": {lang: "Testartikel"}, "category": "clothing", "description": {lang: description},
                              "option_names": names, "size_option": names[0], "variants": variants})  # fmt: skip


MULTI = {
    "de": "Overall aus Baumwolle.\nS: Brust 84–89, Taille 66–71, Hüfte 90–95 cm\nM: Brust 90–95, Taille 72–77, Hüfte 96–101 cm\n"
          "L: Brust 96–101, Taille 78–83, Hüfte 102–107 cm",
    "en": "Cotton jumpsuit.\nS: chest 84–89, waist 66–71, hips 90–95 cm\nM: chest 90–95, waist 72–77, hips 96–101 cm\n"
          "L: chest 96–101, waist 78–83, hips 102–107 cm",
}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_line_charting_several_measures_gives_a_row_per_measure(lang: str) -> None:
    product = _product({"Größe": ["S", "M", "L"]}, MULTI[lang], lang)
    rows = {(r.size, r.measure): (r.low, r.high) for r in chart(product, lang)}
    assert rows[("S", "chest")] == (84, 89)
    assert rows[("S", "waist")] == (66, 71)
    assert rows[("M", "hip")] == (96, 101)
    question = {"de": "Brust 88, Hüfte 99 cm – welche Größe?", "en": "chest 88 cm, hips 99 cm – which size?"}[lang]
    said = chart_answer(product, find_measurements(question), question, lang, "EUR")
    assert said and {"de": "Ich empfehle Größe M", "en": "I recommend size M"}[lang] in said  # hips decide: the larger


def test_a_waistband_word_in_a_chart_line_is_the_waist() -> None:
    text = "Stoffhose.\n36: Bund 70 cm, Hüfte 95 cm\n38: Bund 74 cm, Hüfte 99 cm\n40: Bund 78 cm, Hüfte 103 cm"
    product = _product({"Größe": ["36", "38", "40"]}, text, "de")
    rows = {(r.size, r.measure): r.low for r in chart(product, "de")}
    assert rows[("38", "waist")] == 74 and rows[("38", "hip")] == 99
    said = chart_answer(product, find_measurements("Hüfte 103 cm, Bund 78 cm"), "Hüfte 103 cm, Bund 78 cm", "de", "EUR")
    assert said and "Größe 40" in said


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_title_joined_with_the_first_row_still_heads_the_table(lang: str) -> None:
    title = {"de": "Größen (Brustumfang)", "en": "Sizes (chest)"}[lang]
    html = f"Warme <b>Weste</b>.\n{title}\nS 86–92 cm\nM 92–98 cm\nL 98–104 cm\nXL 104–110 cm"  # a short line before a row: joined as a label
    product = _product({"Größe": ["S", "M", "L", "XL"]}, html, lang)
    rows = {r.size: (r.low, r.high, r.measure) for r in chart(product, lang)}
    assert rows == {"S": (86, 92, "chest"), "M": (92, 98, "chest"), "L": (98, 104, "chest"), "XL": (104, 110, "chest")}


BRA_LINES = {
    "de": "Bügel-BH aus Baumwolle.\nBand 65 = Unterbrust 63–67 cm\nBand 70 = Unterbrust 68–72 cm\nBand 75 = Unterbrust 73–77 cm\n"
          "Cup A = 11–12 cm Differenz\nCup B = 13–14 cm\nCup C = 15–16 cm\n"
          "Liegen Sie zwischen zwei Cups, nehmen Sie den größeren Cup.",
    "en": "Cotton wired bra.\nBand 65 = underbust 63–67 cm\nBand 70 = underbust 68–72 cm\nBand 75 = underbust 73–77 cm\n"
          "Cup A = 11–12 cm difference\nCup B = 13–14 cm\nCup C = 15–16 cm\n"
          "If you are between two cups, take the larger cup.",
}
BRA_PROSE = (
    "Soft bra. Underbust 63–67 cm → band 65 · 68–72 cm → 70 · 73–77 cm → 75. Cup: difference 12–13 cm = A, 14–15 = B, 16–17 = C. "
    "\nTip: if your underbust is at the upper end of a range (the top 2 cm), take the next larger band and keep the cup."
)
BRA_TABLE = (
    "Weicher BH.\nUnterbrustweite Bandgröße\n63–67 cm 65\n68–72 cm 70\n73–77 cm 75\nBrustumfang minus Unterbrust Cup\n"
    "12–13 cm A\n14–15 cm B\n16–17 cm C"
)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_band_and_cup_options_from_lines_and_the_cup_rule(lang: str) -> None:
    product = _product({"Unterbrustweite": ["65", "70", "75"], "Cup": ["A", "B", "C"]}, BRA_LINES[lang], lang)
    found = bra_chart(product, lang)
    assert found and [s.value for s in found.bands] == ["65", "70", "75"] and [s.value for s in found.cups] == ["A", "B", "C"]
    fit = bra_fit(product, lang, found, 70, 84)  # 14 cm: B
    assert (fit.band, fit.cup) == ("70", "B") if fit else False
    between = bra_fit(product, lang, found, 70, 84.5)  # 14.5 cm between B and C: the merchant says the larger
    assert between and between.cup == "C" and between.rules
    question = {"de": "Unterbrust 70 cm, Brust 84 cm", "en": "underbust 70 cm, bust 84 cm"}[lang]
    said = bra_answer(product, find_measurements(question), lang, "EUR")
    assert said and "70B" in said


def test_combined_sizes_from_a_prose_chart_and_the_upper_end_rule() -> None:
    product = _product({"Size": ["65A", "65B", "70B", "70C", "75B", "75C"]}, BRA_PROSE, "en")
    found = bra_chart(product, "en")
    assert found and [s.value for s in found.bands] == ["65", "70", "75"]
    said = bra_answer(product, find_measurements("underbust 69 cm, bust 85 cm"), "en", "EUR")
    assert said and "70C" in said  # 16 cm: C, 69 cm in 68–72
    upper = bra_answer(product, find_measurements("underbust 72 cm, bust 86.5 cm"), "en", "EUR")
    assert upper and "75B" in upper and "upper end" in upper  # 14.5 cm: B, 72 cm at the top of 68–72: the next band


def test_a_table_of_bands_and_a_table_of_cups() -> None:
    product = _product({"Größe": ["65A", "70A", "70B", "75B", "75C"]}, BRA_TABLE, "de")
    said = bra_answer(product, find_measurements("Unterbrust 74 cm, Brustumfang 90 cm"), "de", "EUR")
    assert said and "75C" in said  # 16 cm: C
    assert bra_answer(product, find_measurements("Unterbrust 74 cm"), "de", "EUR") is None  # the cup needs the bust


def test_no_bra_chart_without_both_steps() -> None:
    text = "BH.\nBand 70 = Unterbrust 68–72 cm\nBand 75 = Unterbrust 73–77 cm"
    product = _product({"Größe": ["70A", "75B"]}, text, "de")
    assert bra_chart(product, "de") is None


def test_one_line_charting_every_size_keeps_each_sizes_numbers() -> None:
    text = "Body aus Spitze.\nMaße: S – Brust 80–84 cm / Hüfte 86–90 cm; M – Brust 85–89 / Hüfte 91–95; L – Brust 90–94 / Hüfte 96–100."
    product = _product({"Größe": ["S", "M", "L"]}, text, "de")
    rows = {(r.size, r.measure): (r.low, r.high) for r in chart(product, "de")}
    assert rows[("S", "chest")] == (80, 84) and rows[("M", "hip")] == (91, 95) and rows[("L", "chest")] == (90, 94)


def test_a_number_whose_word_stands_in_the_next_sentence_is_left_to_the_other_readers() -> None:
    text = "Jeans.\nLength: L30 up to 165 cm height, L32 for 165–175 cm, L34 from 175 cm. Inside leg L32 = 81 cm."
    product = _product({"Length": ["L30", "L32", "L34"]}, text, "en")
    assert not any(r.size == "L34" and r.measure == "inside_leg" for r in chart(product, "en"))
