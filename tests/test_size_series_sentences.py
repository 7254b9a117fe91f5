"""Short and long sizes written as sentences beside a table of normal sizes ("25 entspricht
Brust/Taille der 50 bei 166–171 cm", "26 corresponds to the 52 at 168–173 cm") are chart rows:
chest, waist and height together give the series size, one measure alone the normal size; the
merchant's condition step ("Mit Rückenprotektor eine Größe größer", "Tragen Sie …, bestellen Sie
eine Größe größer") moves the size several measures chose within its own series (DE/EN)."""

from __future__ import annotations

from actions.size_chart_answer import chart_answer
from catalog.measurements import Measurement
from tests.test_size_written_tables import _product, _rows

_SIZES = ["46", "48", "50", "52", "54", "25", "26", "98", "102"]
_TABLE = "Größe Brust Taille Körpergröße\n46 90–93 76–79 168–173\n48 94–97 80–83 172–177\n50 98–101 84–87 176–181\n" \
         "52 102–105 88–91 179–184\n54 106–109 92–95 182–187\nAlle Maße in cm."
_TEXT = {
    "de": "Regenkombi aus Nylon.\n" + _TABLE + "\nKurzgrößen: 25 entspricht Brust/Taille der 50 bei 166–171 cm Körpergröße, "
          "26 entspricht der 52 bei 168–173 cm. Langgrößen: 98 entspricht der 50 bei 186–191 cm, 102 entspricht der 52 bei 189–194 cm.\n"
          "Tragen Sie eine Protektorenweste darunter, bestellen Sie eine Größe größer.",
    "en": "Nylon rain suit.\n" + _TABLE.replace("Größe Brust Taille Körpergröße", "Size Chest Waist Height").replace("Alle Maße", "All measures")
          + "\nShort sizes: 25 corresponds to the 50 at 166–171 cm, 26 corresponds to the 52 at 168–173 cm. Long sizes: 98 corresponds "
          "to the 50 at 186–191 cm, 102 corresponds to the 52 at 189–194 cm.\nWith a protector vest one size up.",
}


def test_a_series_sentence_gives_the_named_size_chest_and_waist_and_its_own_height() -> None:
    for lang in ("de", "en"):
        rows = _rows(_product({"Größe": _SIZES}, _TEXT[lang], lang), lang)
        assert {("26", "chest", 102, 105), ("26", "waist", 88, 91), ("26", "height", 168, 173)} <= rows
        assert ("102", "height", 189, 194) in rows and ("98", "chest", 98, 101) in rows


def test_three_measures_give_the_series_size_one_measure_the_normal_size() -> None:
    for lang in ("de", "en"):
        product = _product({"Größe": _SIZES}, _TEXT[lang], lang)
        short = [Measurement("chest", 103), Measurement("waist", 89), Measurement("height", 170)]
        long = [Measurement("chest", 99), Measurement("waist", 85), Measurement("height", 188)]
        assert " 26" in (chart_answer(product, short, "", lang, "EUR") or "").split(".")[0]
        assert " 98" in (chart_answer(product, long, "", lang, "EUR") or "").split(".")[0]
        assert " 52" in (chart_answer(product, [Measurement("chest", 103)], "", lang, "EUR") or "").split(".")[0]


def test_the_condition_step_after_several_measures_stays_in_the_series() -> None:
    for lang, question in (("de", "Brust 100, Taille 86, 1,79 m – ich trage eine Protektorenweste drunter"),
                           ("en", "chest 100, waist 86, 1.79 m, and I ride with a protector vest")):
        product = _product({"Größe": _SIZES}, _TEXT[lang], lang)
        found = [Measurement("chest", 100), Measurement("waist", 86), Measurement("height", 179)]
        said = chart_answer(product, found, question, lang, "EUR") or ""
        assert "Protektorenweste darunter" in said or "protector vest one size up" in said, said
        assert said.count(" 52") >= 1 and " 25" not in said, said
        plain = chart_answer(product, found, "Brust 100, Taille 86, 1,79 m", lang, "EUR") or ""
        assert " 52" not in plain, plain  # no condition stated: the size the measures give
