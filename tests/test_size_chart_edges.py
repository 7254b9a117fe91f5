"""Edges of reading a chart (DE/EN): a size measured around the body not offered in the standard
size takes the next one up (a hat of 50 does not go around 51 cm); a row of one value holds only
a rounding's worth (20.8 cm is no 20.3 cm glove); "im Zweifel" / "when in doubt" is the rule
between two sizes; a header's "Ärmellänge ab Nacken" is one column."""

from __future__ import annotations

import pytest

from actions.size_chart_answer import chart_answer
from catalog.measurements import Measurement, find_measurements
from catalog.size_conventions import convention
from tests.test_size_conventions import _product as _sized
from tests.test_size_written_tables import _product, _rows


def test_a_standard_size_around_the_body_takes_the_next_one_up() -> None:
    for lang, title, question in (("de", "Sonnenhut", "Kopfumfang 51 cm"), ("en", "Sun hat", "head circumference 51 cm")):
        hat = _sized(title, {"Größe": ["46", "48", "50", "52", "54"]}, lang, "Größe = Kopfumfang in cm." if lang == "de" else "Size = head in cm.")
        found = convention(hat, find_measurements(question), lang)
        assert found and found.nearest == {"Größe": "52"}
    hat = _sized("Hat", {"Size": ["55", "56"]}, "en")
    assert convention(hat, find_measurements("head circumference 61 cm"), "en").nearest == {"Size": "56"}  # beyond: the largest


def test_a_single_value_row_holds_only_a_rounding() -> None:
    for lang, text, question in (
            ("de", "Handschuh.\nGröße Handumfang\n7,5 19,0 cm\n8 20,3 cm\n8,5 21,6 cm\nFällt eng aus – im Zweifel eine halbe Nummer größer nehmen.",
             "Handumfang 20,8 cm"),
            ("en", "Glove.\nSize Hand circumference\n7,5 19,0 cm\n8 20,3 cm\n8,5 21,6 cm\nRuns tight – when in doubt, go up half a size.",
             "hand circumference 20.8 cm")):
        glove = _product({"Größe": ["7,5", "8", "8,5"]}, text, lang)
        said = chart_answer(glove, find_measurements(question), question, lang, "EUR") or ""
        assert ("Ich empfehle Größe 8,5" in said) if lang == "de" else ("I recommend size 8,5" in said), said
        exact = chart_answer(glove, [Measurement("hand", 20.35)], "", lang, "EUR") or ""
        assert "8,5" not in exact.split(".")[0]  # a rounding still is size 8


def test_a_preposition_in_a_header_keeps_its_column() -> None:
    for lang, header in (("de", "Größe Körpergröße Brustumfang Ärmellänge ab Nacken"), ("en", "Size Height Chest Sleeve length from Neck")):
        text = f"Jacke.\n{header}\n98/104 93 - 104 cm 55 - 57 cm 47 cm\n110/116 105 - 116 cm 58 - 61 cm 52 cm"
        rows = _rows(_product({"Größe": ["98/104", "110/116"]}, text, lang), lang)
        assert ("110/116", "chest", 58, 61) in rows and ("110/116", "height", 105, 116) in rows


def test_the_merchants_step_names_the_value_that_holds_the_size(monkeypatch: pytest.MonkeyPatch) -> None:
    from actions import size_advice
    from catalog.size_step_rules import stated_step

    monkeypatch.setattr(size_advice, "availability", lambda *a, **k: ("", []))

    for lang, text in (("de", "Gummistiefel.\nDie Stiefel fallen reichlich aus, eher eine Größe kleiner als gewohnt."),
                       ("en", "Rain boots.\nThey come up large, take one size smaller than usual.")):
        boots = _product({"Größe": ["22/23", "24/25", "26/27"]}, text, lang)
        step = stated_step(boots, lang)
        assert step and step[0] == [-1.0]
        lines, _ = size_advice._stated(boots, "26", step, [], lang)
        assert "24/25" in lines[0], lines[0]


def test_a_header_with_more_words_than_cells_is_lined_up_by_the_units() -> None:
    for lang, header in (("de", "Länge Körpergröße Kind Alter ca."), ("en", "Length Height Child Age approx.")):
        text = f"Schlafsack.\n{header}\n70 cm 50–65 cm 0–6 Monate\n90 cm 66–85 cm 6–18 Monate\n110 cm 86–105 cm 18–36 Monate"
        rows = _rows(_product({"Größe": ["70 cm", "90 cm", "110 cm"]}, text, lang), lang)
        assert ("90 cm", "height", 66, 85) in rows and ("90 cm", "age", 0.5, 1.5) in rows


def test_the_next_size_up_is_recommended_as_such(monkeypatch: pytest.MonkeyPatch) -> None:
    from actions import size_convention_answer

    monkeypatch.setattr(size_convention_answer, "availability", lambda *a, **k: ("", []))
    for lang, question, word in (("de", "Kopfumfang 51 cm", "ich empfehle die nächstgrößere, 52"),
                                 ("en", "head circumference 51 cm", "I recommend the next one up, 52")):
        hat = _sized("Hut", {"Größe": ["48", "50", "52"]}, lang, "Größe = Kopfumfang in cm." if lang == "de" else "Size = head in cm.")
        said = size_convention_answer.convention_answer(hat, find_measurements(question), lang)
        assert said and word in said[0], said
    small = _sized("Hat", {"Size": ["55", "56"]}, "en")
    said = size_convention_answer.convention_answer(small, find_measurements("head circumference 61 cm"), "en")
    assert said and "recommend the next one up" not in said[0]  # beyond the largest: only the nearest


def test_a_preposition_before_an_age_column_ends_its_column() -> None:
    """"Innenbeinlänge ab | Alter": a minimum inside leg, then the age; the height stays the height."""
    for lang, header, age in (("de", "Größe Körpergröße Innenbeinlänge ab Alter (ca.)", "Jahre"), ("en", "Size Height Inside leg from Age (approx.)", "years")):
        text = f"Kinderrad.\n{header}\n16 Zoll 105–120 cm 48 cm 4–6 {age}\n20 Zoll 115–135 cm 55 cm 6–9 {age}"
        rows = _rows(_product({"Größe": ["16 Zoll", "20 Zoll"]}, text, lang), lang)
        assert ("20 Zoll", "height", 115, 135) in rows, rows
        assert not any(row[1] == "height" and row[2] == 55 for row in rows), rows
