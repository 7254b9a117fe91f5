"""A chart written as a formula ("Größe 50 hat einen Bundumfang von 90 cm, jede weitere Größe hat
4 cm mehr", "Size 50 has a 90 cm waist; each size up adds 4 cm"), DE/EN."""

from __future__ import annotations

from catalog.measurements import Measurement
from catalog.size_chart import chart, sizes_for
from catalog.size_text_rules import formula_rows
from tests.test_size_written_tables import _product, _rows

_SIZES = ["44", "46", "48", "50", "52", "54"]


def test_a_formula_charts_every_numbered_size() -> None:
    for lang, text in (("de", "Kurze Hose.\nZur Größe: Größe 50 hat einen Bundumfang von 90 cm, jede weitere Größe hat 4 cm mehr "
                              "(52 = 94 cm, 54 = 98 cm usw.), jede kleinere 4 cm weniger."),
                       ("en", "Shorts.\nSizing: size 50 has a waist of 90 cm; each further size adds 4 cm (52 = 94 cm).")):
        rows = _rows(_product({"Größe": _SIZES}, text, lang), lang)
        assert ("48", "waist", 86, 86) in rows and ("44", "waist", 78, 78) in rows and ("54", "waist", 98, 98) in rows
        assert not any(low < 50 for _, _, low, _ in rows)  # no "52 = 4 cm" from the step
        found, _ = sizes_for(chart(_product({"Größe": _SIZES}, text, lang), lang), Measurement("waist", 86))
        assert found[0].size == "48"
    assert formula_rows("Größe 50 hat 90 cm Bund.", "waist", {"Größe": _SIZES}) == []  # no step: no formula

