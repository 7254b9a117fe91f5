"""Chart rows written between dashes with another system and inches beside the cm ("42R – EU 52 –
chest 42 in (107 cm) – height 178–184 cm") are read by their metric figures: a chest and a height
give the size fitting both (DE/EN)."""

from __future__ import annotations

from actions.size_chart_answer import chart_answer
from catalog.measurements import Measurement
from catalog.sentence_rows import plain_row
from tests.test_size_written_tables import _product, _rows

_SIZES = ["38R", "40R", "42R", "40L", "42L"]
_TEXT = {
    "en": "Wool suit.\nSizing (R = regular, L = long):\n38R – EU 48 – chest 38 in (97 cm) – height 173–180 cm\n"
          "40R – EU 50 – chest 40 in (102 cm) – height 175–182 cm\n42R – EU 52 – chest 42 in (107 cm) – height 178–184 cm\n"
          "40L – EU 102 – chest 40 in (102 cm) – height 185–193 cm\n42L – EU 106 – chest 42 in (107 cm) – height 188–196 cm",
    "de": "Wollanzug.\nGrößen (R = regulär, L = lang):\n38R – EU 48 – Brust 38 in (97 cm) – Körpergröße 173–180 cm\n"
          "40R – EU 50 – Brust 40 in (102 cm) – Körpergröße 175–182 cm\n42R – EU 52 – Brust 42 in (107 cm) – Körpergröße 178–184 cm\n"
          "40L – EU 102 – Brust 40 in (102 cm) – Körpergröße 185–193 cm\n42L – EU 106 – Brust 42 in (107 cm) – Körpergröße 188–196 cm",
}


def test_the_row_is_read_by_its_metric_figures() -> None:
    assert plain_row("38R – EU 48 – chest 38 in (97 cm) – height 173–180 cm") == "38R – chest 97 cm – height 173–180 cm"
    for lang in ("de", "en"):
        rows = _rows(_product({"Size": _SIZES}, _TEXT[lang], lang), lang)
        assert {("42R", "chest", 107, 107), ("42R", "height", 178, 184), ("40L", "height", 185, 193)} <= rows, rows


def test_a_chest_and_a_height_give_the_size_fitting_both() -> None:
    for lang in ("de", "en"):
        product = _product({"Size": _SIZES}, _TEXT[lang], lang)
        regular = chart_answer(product, [Measurement("chest", 106.7), Measurement("height", 181)], "", lang, "EUR") or ""
        long = chart_answer(product, [Measurement("chest", 102), Measurement("height", 190)], "", lang, "EUR") or ""
        assert " 42R" in regular.split("“")[0] and " 40L" in long.split("“")[0], (regular, long)
