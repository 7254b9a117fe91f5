"""A size table in groups under one header, each group named by a line with its height range
("Normalgrößen (Körpergröße ca. 176–182 cm)", "Short sizes (height 164–172 cm)"): every row keeps
the header's columns and gets the group's height, so a waist and a height give the one size
fitting both; a shopper's "Bund 88 cm" / "waistband 88" is a waist, and "94 cm Bundumfang und bin
1,80 m" gives both measures (DE/EN)."""

from __future__ import annotations

from actions.size_chart_answer import chart_answer
from catalog.measurements import Measurement, find_measurements
from tests.test_size_written_tables import _product, _rows

_SIZES = ["48", "50", "52", "24", "25", "26", "98", "102"]
_TABLE = {
    "de": "Arbeitshose.\nGrößentabelle (Körpermaße in cm)\nGröße Bundumfang Schrittlänge\nNormalgrößen (Körpergröße ca. 176–182 cm)\n"
          "48 86 82\n50 90 83\n52 94 83\nUntersetzte Größen (Körpergröße ca. 164–172 cm)\n24 90 76\n25 94 76\n26 98 77\n"
          "Schlanke Größen (Körpergröße ca. 184–194 cm)\n98 84 89\n102 88 90",
    "en": "Work trousers.\nSize chart (body measures in cm)\nSize Waist Inside leg\nRegular sizes (height approx. 176–182 cm)\n"
          "48 86 82\n50 90 83\n52 94 83\nShort sizes (height approx. 164–172 cm)\n24 90 76\n25 94 76\n26 98 77\n"
          "Long sizes (height approx. 184–194 cm)\n98 84 89\n102 88 90",
}


def test_every_group_keeps_the_header_and_its_height() -> None:
    for lang in ("de", "en"):
        rows = _rows(_product({"Größe": _SIZES}, _TABLE[lang], lang), lang)
        assert ("25", "waist", 94, 94) in rows and ("25", "inside_leg", 76, 76) in rows and ("25", "height", 164, 172) in rows
        assert ("50", "height", 176, 182) in rows and ("102", "height", 184, 194) in rows
        assert not any(m == "height" and high < 100 for _, m, _, high in rows)  # no leg read as a height


def test_a_waist_and_a_height_give_the_size_fitting_both() -> None:
    for lang, question, want in (("de", "Bundumfang 94 cm, Körpergröße 1,68 m", "25"), ("en", "waist 94 cm and I'm 1.80 m tall", "52"),
                                 ("de", "Ich bin 1,90 groß, schlank, Bund 88 cm.", "102"), ("en", "waistband 90 cm, height 1.70 m", "24")):
        product = _product({"Größe": _SIZES}, _TABLE[lang], lang)
        said = chart_answer(product, find_measurements(question, default="?"), question, lang, "EUR") or ""
        assert f" {want}" in said.split(".")[0], said


def test_a_number_before_its_word_when_the_one_after_is_another_measure() -> None:
    assert find_measurements("Ich habe 94 cm Bundumfang und bin 1,80 m groß.") == [Measurement("waist", 94), Measurement("height", 180)]
    assert find_measurements("I have a 94 cm waist and I am 1.80 m tall") == [Measurement("waist", 94), Measurement("height", 180)]
    assert find_measurements("Bund 88 cm") == [Measurement("waist", 88)]
