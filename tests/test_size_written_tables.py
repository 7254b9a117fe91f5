"""Size information as merchants write it in a product text (catalog/size_table.py,
catalog/size_chart.py, catalog/size_advice.py) and the size picked from it (catalog/sizes.py,
actions/size_advice.py, actions/sizing.py): tables written across, a title over one-cell rows,
sizes written without their system in a table, a dash for an empty cell, "L32 = 81 cm",
"between two waist sizes", a run of prefixed sizes ("W27" -> "W28")."""

from __future__ import annotations

import math

from actions.size_advice import _around, between
from actions.size_general import conversion
from actions.sizing import _stepped, own_system
from catalog.fashion_sizes import convert_product, product_system
from catalog.measurements import find_measurements
from catalog.models import Product
from catalog.size_advice import between_only, between_rule, conditional_step, one_size_span
from catalog.size_chart import chart
from catalog.size_table import own_eu
from catalog.sizes import recommend_size, step_value
from catalog.variants import find_asked


def _product(options: dict[str, list[str]], description: str, lang: str = "de", fit: str | None = None) -> Product:
    """A product with one variant per value of its first option (the size), the others' first values."""
    first, *others = options
    variants = [{"sku": f"p-{i}", "size": v, "price": 50.0, "stock": 3,
                 "options": {first: v, **{o: options[o][min(i, len(options[o]) - 1)] for o in others}}}
                for i, v in enumerate(options[first])]  # fmt: skip
    for o in others:  # every value of the other options in some variant
        variants += [{"sku": f"{o}-{k}", "size": options[first][0], "price": 50.0, "stock": 3,
                      "options": {first: options[first][0], o: v}} for k, v in enumerate(options[o])]  # fmt: skip
    return Product.parse_obj({"id": "p", "title": {lang: "Produkt"}, "category": "clothing", "description": {lang: description},
                              "fit": fit, "option_names": list(options), "size_option": first, "variants": variants})  # fmt: skip


def _rows(product: Product, lang: str = "de") -> set[tuple[str, str, float, float]]:
    return {(r.size, r.measure, r.low, r.high) for r in chart(product, lang)}


def test_a_table_written_across_is_read_per_size() -> None:
    text = "Gerade geschnitten.\nBundweite W25 W26 W27 W28\nTaillenumfang (cm) 64 66 69 71\nPflege: 30 °C."
    rows = _rows(_product({"Bundweite": ["W25", "W26", "W27", "W28"]}, text))
    assert rows == {("W25", "waist", 64, 64), ("W26", "waist", 66, 66), ("W27", "waist", 69, 69), ("W28", "waist", 71, 71)}


def test_a_title_names_the_one_column_and_a_sentence_charts_the_other_option() -> None:
    text = ("Schmale Jeans.\nMaßtabelle (Bundumfang, am Körper gemessen):\nW30 77 cm\nW31 79 cm\nW32 82 cm\n"
            "Schrittlänge: L30 = 76 cm, L32 = 81 cm, L34 = 86 cm.")
    rows = _rows(_product({"Weite": ["W30", "W31", "W32"], "Länge": ["L30", "L32", "L34"]}, text))
    assert ("W32", "waist", 82, 82) in rows and ("W30", "waist", 77, 77) in rows
    assert ("L32", "inside_leg", 81, 81) in rows and ("L30", "inside_leg", 76, 76) in rows  # the value after its size


def test_sizes_written_without_their_system_under_a_header_naming_it() -> None:
    text = "Relaxed.\nUK EU US Bust\n8 36 4 80–84 cm\n10 38 6 85–89 cm\n12 40 8 90–94 cm"
    rows = _rows(_product({"Size": ["UK 8", "UK 10", "UK 12"]}, text, "en"), "en")
    assert ("UK 10", "chest", 85, 89) in rows and len(rows) == 3


def test_a_dash_for_an_empty_cell_is_no_range() -> None:
    text = ("Canvas.\nEU UK US Men US Women Foot length\n40 6.5 7 9 25.2 cm\n41 7.5 8 10 25.8 cm\n"
            "42 8 8.5 – 26.5 cm\n43 9 9.5 – 27.2 cm")
    shoe = _product({"EU Size": ["40", "41", "42", "43"]}, text, "en")
    assert ("42", "foot", 26.5, 26.5) in _rows(shoe, "en")
    assert own_eu(shoe, "I'm a US men's 8.5, which EU size?", "en") == ("US", "8.5", "42")
    assert own_eu(shoe, "US women's 10?", "en") == ("US", "10", "41")
    assert own_eu(shoe, "US 10?", "en") is None  # two US columns: which one is not said


def test_between_two_sizes_as_merchants_word_it() -> None:
    def rule(text: str, lang: str = "de") -> str | None:
        found = between_rule(_product({"Größe": ["38", "39"]}, text, lang), lang)
        return found[0] if found else None

    assert rule("Fällt normal aus – liegen Sie zwischen zwei Weiten, nehmen Sie die kleinere.") == "smaller"
    assert rule("Wegen des Futters bei Zwischengrößen (z. B. 38,5) bitte die größere Größe wählen.") == "larger"
    assert rule("Slim cut – if you are between sizes or have a broader chest, go up half a size.", "en") == "larger"
    assert rule("Between two waist sizes, size down.", "en") == "smaller"


def test_advice_only_for_in_between_sizes_keeps_a_whole_usual_size() -> None:
    assert between_only("Fit: relaxed – if you are between two sizes, take the smaller one.")
    assert not between_only("Fällt klein aus; zwischen zwei Größen die größere.")
    assert not between_only("Runs small, order one size up.")


def test_a_run_of_prefixed_sizes_moves_to_the_next_value() -> None:
    jeans = _product({"Waist": ["W26", "W27", "W28", "W30"]}, "Rigid denim.", "en", fit="runs_small")
    assert recommend_size(jeans, "W27")[0] == "W28"
    assert recommend_size(jeans, "W28")[0] == "W30"  # the next size made
    large = _product({"Waist": ["W26", "W27", "W28"]}, "Stretch.", "en", fit="runs_large")
    assert recommend_size(large, "W27")[0] == "W26"


def test_a_usual_half_size_not_made_lies_between_two() -> None:
    boot = _product({"Größe": ["37", "38", "39", "40"]}, "Warm.")
    assert _around(boot, "38,5") == ("38", "39")
    assert _around(boot, "38") is None and _around(boot, "41,5") is None
    assert _around(_product({"Größe": ["36", "38", "40"]}, "x"), "37") == ("36", "38")


def test_a_usual_size_in_the_products_own_system_is_no_conversion() -> None:
    dress = _product({"Size": ["UK 10", "UK 12"]}, "Linen.", "en")
    assert own_system(dress, "I'm between UK 10 and UK 12, which one?")
    assert not own_system(dress, "I'm a US 8, which size?")
    assert not own_system(_product({"Size": ["38", "40"]}, "x"), "UK 10?")


def test_words_of_a_question_are_no_letter_size() -> None:
    assert "Size M" not in (conversion("I'm a US men's 10. Which EU size?", "en") or "")
    assert "M" in (conversion("What is size M in German sizes?", "en") or "")


def test_the_band_of_trousers_is_a_waist() -> None:
    assert [(m.measure, m.cm) for m in find_measurements("Ich habe 82 cm Bundumfang – welche Weite?")] == [("waist", 82)]


def test_a_length_rule_on_any_body_measure() -> None:
    belt = _product({"Länge": ["85 cm", "90 cm", "95 cm", "100 cm"]},
                    "Vollleder.\nWelche Länge? Gürtellänge = Ihre Bundweite in cm + 10 cm, aufrunden. Beispiel: Bundweite 80 cm → 90 cm.")
    rows = _rows(belt)
    assert ("95 cm", "waist", 85, 85) in rows and all(r[1] == "waist" for r in rows)
    bag = _product({"Länge": ["190 cm", "210 cm"]}, "Schlafsacklänge = Körpergröße + ca. 20 cm.")
    assert ("210 cm", "height", 170.1, 190) in _rows(bag)  # a minimum: up to 190 cm, above the 190 cm bag's 170


def test_collar_sizes_two_to_a_size() -> None:
    values = {"Kragenweite": ["37/38", "39/40", "41/42"]}
    assert product_system("Kragenweite", values["Kragenweite"]) == "collar_cm"
    assert convert_product("My collar size is 15.5 inches. Which size here?", values, "Hemd")[1].value == "39/40"
    assert convert_product("Kragen 16 Zoll?", values, "Hemd")[1].value == "41/42"


def test_the_sizes_a_one_size_product_fits() -> None:
    cardigan = _product({"Größe": ["One Size"]}, "Weit geschnitten.\nGröße: One Size – passt bei den Größen 34 bis 42.\nLänge: 72 cm")
    assert one_size_span(cardigan, "de")[:2] == (34, 42)
    assert one_size_span(_product({"Größe": ["S", "M"]}, "Passt bei den Größen 34 bis 42."), "de") is None


def test_sizes_for_heights_up_to_and_from() -> None:
    jeans = _product({"Length": ["L30", "L32"]}, "Rigid.\nLength: L30 is an ankle length for most people up to 170 cm; L32 for taller people.", "en")
    assert _rows(jeans, "en") == {("L30", "height", 0, 170), ("L32", "height", 170, math.inf)}
    hanna = _product({"Länge": ["L30", "L32", "L34"]}, "Länge: L30 bei Körpergröße bis 165 cm, L32 bei 165–175 cm, L34 ab 175 cm.")
    assert _rows(hanna) == {("L30", "height", 0, 165), ("L32", "height", 165, 175), ("L34", "height", 175, math.inf)}
    assert _rows(_product({"Größe": ["S", "M"]}, "Wasserdicht bis 100 cm Tiefe, S und M.")) == set()  # no body, no chart


def test_between_two_sizes_written_with_their_system() -> None:
    dress = _product({"Size": ["UK 8", "UK 10", "UK 12"]}, "Linen.", "en")
    assert between(dress, "I'm between UK 10 and UK 12, which one?") == ("UK 10", "UK 12")
    assert between(_product({"Größe": ["38", "39"]}, "x"), "zwischen 38 und 39?") == ("38", "39")


def test_the_merchants_one_longer_under_a_condition_the_question_names() -> None:
    raw = _product({"Waist": ["W30", "W32"], "Inseam": ["L30", "L32", "L34"]},
                   "Raw denim.\nSizing: true to size. It shrinks – if you plan to wash them, choose one length longer than usual.", "en")
    assert conditional_step(raw, "en", "I normally wear L32 and I'm going to wash them.")[0] == "length"
    assert conditional_step(raw, "en", "I normally wear L32, which length?") is None  # the condition is not the shopper's
    assert step_value(["L30", "L32", "L34"], "L32", 1) == "L34" and step_value(["L30", "L32"], "L32", 1) == "L32"
    assert _stepped(raw, find_asked(raw, "I wear L32"), "length")[1] == "L34"
    jacket = _product({"Größe": ["S", "M"]}, "Wenn Sie darunter einen Pullover tragen, nehmen Sie eine Größe größer.")
    assert conditional_step(jacket, "de", "Ich trage M und ziehe einen Pullover darunter.")[0] == "size"
    assert conditional_step(jacket, "de", "Ich trage sonst M, welche Größe?") is None  # "tragen" is no condition


def test_a_length_some_cm_more_than_a_body_measure() -> None:
    belt = _product({"Länge": ["85", "90", "95"]}, "Rindsleder. Wählen Sie die Gürtelgröße etwa 10 cm größer als Ihre Bundweite.")
    assert _rows(belt) == {("85", "waist", 72.5, 77.5), ("90", "waist", 77.5, 82.5), ("95", "waist", 82.5, 87.5)}  # "etwa": the nearest
    assert _rows(_product({"Größe": ["85", "90"]}, "Etwa 10 cm größer als Ihre Bundweite.")) == set()  # not a length option
