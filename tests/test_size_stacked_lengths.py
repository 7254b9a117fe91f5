"""A shoe's inner lengths written one size per line, named by a line in brackets after them or a
heading before them ("EU 30 – 19,8 cm" / … / "(Innenlänge)"), with the merchant's allowance as a
range ("Die Innenlänge sollte 1,0 bis 1,5 cm länger sein als der Fuß"): the foot plus the middle
of the allowance must fit inside; "1,0 bis 1,5 cm" is a range, never a limit of the foot (DE/EN)."""

from __future__ import annotations

from catalog.measurements import Measurement
from catalog.size_chart import chart, limit_verdict, sizes_for
from catalog.size_text_rules import stacked_lengths
from tests.test_size_written_tables import _product

_SIZES = ["30", "31", "32", "33"]
_DE = ("Hausschuh aus Wollfilz.\nGrößenwahl: Die Innenlänge sollte 1,0 bis 1,5 cm länger sein als der Fuß.\n"
       "EU 30 – 19,8 cm\nEU 31 – 20,5 cm\nEU 32 – 21,1 cm\nEU 33 – 21,8 cm\n(Innenlänge)")
_EN = ("Felt slipper.\nThe inner length should be 1.0 to 1.5 cm longer than the foot.\nInner length:\n"
       "Size 30: 19.8 cm\nSize 31: 20.5 cm\nSize 32: 21.1 cm\nSize 33: 21.8 cm")


def _size(text: str, lang: str, cm: float) -> str:
    product = _product({"Größe" if lang == "de" else "Size": _SIZES}, text, lang)
    found, _ = sizes_for(chart(product, lang), Measurement("foot", cm))
    return found[0].size


def test_lengths_one_per_line_with_an_allowance_range() -> None:
    for lang, text in (("de", _DE), ("en", _EN)):
        assert _size(text, lang, 18.4) == "30"  # 18.4 + 1.25 = 19.65 fits the 19.8 cm inside
        assert _size(text, lang, 18.7) == "31"  # 19.95 needed: not the 19.8 cm one
        assert _size(text, lang, 19.7) == "32"  # 20.95 needed: 21.1 cm
        assert _size(text, lang, 20.4) == "33"


def test_the_lines_need_a_name_and_three_sizes() -> None:
    lines = ["EU 30 – 19,8 cm", "EU 31 – 20,5 cm", "EU 32 – 21,1 cm"]
    assert stacked_lengths([*lines, "(Innenlänge)"], _SIZES) == [("Innenlänge", [("30", 19.8), ("31", 20.5), ("32", 21.1)])]
    assert stacked_lengths(["Insole length:", "Size 30: 198 mm", "Size 31: 205 mm", "Size 32: 211 mm"], _SIZES) == [
        ("Insole length", [("30", 19.8), ("31", 20.5), ("32", 21.1)])]
    assert stacked_lengths(lines, _SIZES) == []  # nothing names what they measure
    assert stacked_lengths([*lines[:2], "(Innenlänge)"], _SIZES) == []


def test_a_range_of_allowance_is_no_limit_of_the_foot() -> None:
    assert limit_verdict("Die Innenlänge sollte 1,0 bis 1,5 cm länger sein als der Fuß.", Measurement("foot", 20)) is None
    assert limit_verdict("Inner length 1.0 up to 1.5 cm longer than the foot.", Measurement("foot", 20)) is None
    assert limit_verdict("Passt bis 25 cm Fußlänge.", Measurement("foot", 26)) == "too_large"
    assert limit_verdict("Fits feet up to 25 cm.", Measurement("foot", 24)) == "fits"


def test_the_first_line_of_a_table_names_the_measure_of_the_lines_below() -> None:
    de = ("Oxfordhemd aus Baumwolle, bügelleicht. Zwei Brusttaschen.\nGröße = Kragenweite (Halsumfang):\nGröße Kragenweite entspricht ca.\n37/38 37–38 cm S\n"
          "39/40 39–40 cm M\n41/42 41–42 cm L\n43/44 43–44 cm XL")
    en = ("Oxford shirt in cotton, easy to iron. Two chest pockets.\nSize = collar (neck):\nSize Neck equals approx.\n37/38 37–38 cm S\n"
          "39/40 39–40 cm M\n41/42 41–42 cm L\n43/44 43–44 cm XL")
    for lang, text in (("de", de), ("en", en)):
        shirt = _product({"Kragenweite" if lang == "de" else "Collar": ["37/38", "39/40", "41/42", "43/44"]}, text, lang)
        rows = chart(shirt, lang)
        assert {r.measure for r in rows} == {"neck"}
        found, exact = sizes_for(rows, Measurement("neck", 41.5))
        assert [r.size for r in found] == ["41/42"] and exact
