"""A shoe's chart of its INNER length with the merchant's allowance rule ("12 mm Zugabe", "add
1 cm; choose the size whose insole length is at least that"): the foot plus the allowance must
fit inside, in a table in mm, a table across with "(cm)" in its label, or a line listing a length
per size; and an age column abbreviated ("7–8 J.", "8-9 yrs") is an age, never a height (DE/EN)."""

from __future__ import annotations

from catalog.measurements import Measurement
from catalog.size_chart import chart, sizes_for
from catalog.size_text_rules import listed_lengths
from tests.test_size_written_tables import _product, _rows

_SIZES = ["30", "31", "32", "33"]


def _size(product, lang: str, measure: str, cm: float) -> str:  # noqa: ANN001
    found, _ = sizes_for(chart(product, lang), Measurement(measure, cm))
    return found[0].size


def test_an_allowance_in_mm_on_a_table_of_inner_lengths_in_mm() -> None:
    de = ("Hausschuh aus Filz.\nMessen Sie den Fuß und rechnen Sie 12 mm Zugabe dazu.\n"
          "Wählen Sie dann die Größe, deren Innenlänge mindestens so lang ist.\nEU Innenlänge\n30 200 mm\n31 207 mm\n32 213 mm\n33 220 mm")
    en = ("Felt slipper.\nMeasure the foot and allow 12 mm of allowance.\n"
          "Then choose the size whose inner length is at least that.\nEU Inner length\n30 200 mm\n31 207 mm\n32 213 mm\n33 220 mm")
    for lang, text in (("de", de), ("en", en)):
        slipper = _product({"Größe" if lang == "de" else "Size": _SIZES}, text, lang)
        assert _size(slipper, lang, "foot", 18.8) == "30"  # 200 mm inside holds 18.8 cm + 12 mm
        assert _size(slipper, lang, "foot", 19.0) == "31"  # 20.2 cm needed: not the 200 mm one
        assert _size(slipper, lang, "foot", 20.1) == "32"  # 21.3 cm needed: 213 mm is at least that
        assert _size(slipper, lang, "foot", 20.2) == "33"


def test_an_allowance_on_a_table_across_and_on_a_listed_line() -> None:
    across = _product({"Größe": _SIZES}, "Gummistiefel.\nTipp: Fußlänge messen und ca. 1 cm Zugabe rechnen.\n"
                      "Die Innenlänge sollte so lang sein.\nGröße 30 31 32 33\nInnenlänge (cm) 19,8 20,5 21,1 21,8")
    assert _size(across, "de", "foot", 19.5) == "31"  # 20.5 cm inside, not the 19.8 cm of a 19.5 cm foot read as inner length
    listed = _product({"Size": _SIZES}, "Canvas shoe.\nMeasure the foot and add 1 cm; choose the size whose insole length is at "
                      "least that.\nInsole length: 30 – 19.8 cm, 31 – 20.5 cm, 32 – 21.1 cm, 33 – 21.8 cm.", "en")
    assert _size(listed, "en", "foot", 19.5) == "31"
    assert _size(listed, "en", "foot", 20.8) == "33"
    assert listed_lengths("Innenlänge: 30 – 19,8 cm, 31 – 20,5 cm, 32 – 21,1 cm", _SIZES) == ("Innenlänge", [("30", 19.8), ("31", 20.5), ("32", 21.1)])
    assert listed_lengths("Farben: 30 – rot, 31 – blau, 32 – grün", _SIZES) is None


def test_an_abbreviated_age_column_is_no_height() -> None:
    for lang, text in (("de", "Reithose für Kinder.\nGröße Körpergröße Alter ca.\n128 123–128 cm 7–8 J.\n134 129–134 cm 8–9 J.\n140 135–140 cm 9–10 J."),
                       ("en", "Kids' breeches.\nSize Height Age approx.\n128 123–128 cm 7-8 yrs\n134 129–134 cm 8-9 yrs\n140 135–140 cm 9-10 yrs")):
        rows = _rows(_product({"Größe": ["128", "134", "140"]}, text, lang), lang)
        assert ("134", "height", 129, 134) in rows
        assert not any(m == "height" and high < 20 for _, m, _, high in rows)
        assert ("134", "age", 8, 9) in rows
