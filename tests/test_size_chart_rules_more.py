"""More of the merchant's chart and rules (DE/EN, made-up products): a row open at the top ("and
taller", "over 5'0\" (152 cm)"); a list of maximums ("38 bis 72 cm · 40 bis 77 cm") gives the
smallest one reached; a step from the measured size ("order one size up from your measured
size"); a length option chosen by the wearer's height beside the size; a row bounded by the shoe
size (a wide board for big boots); a step of one and a half sizes from the street shoe; a snugger
step "than usual" counted from the usual size."""

from __future__ import annotations

import pytest

from actions.size_chart_answer import chart_answer
from catalog.measurements import Measurement, find_measurements
from catalog.option_heights import option_height_rows
from catalog.shoe_bounds import asked_shoe_size, bounds, shoe_fit
from catalog.size_chart import ChartRow
from catalog.size_step_rules import measured_step, stated_step
from tests.test_size_written_tables import _product, _rows


def _said(product, question: str, lang: str) -> str:  # noqa: ANN001
    return chart_answer(product, find_measurements(question, default="height"), question, lang, "EUR") or ""


def test_a_row_open_at_the_top_holds_every_larger_measure() -> None:
    for lang, text in (
            ("en", "Ukulele.\nSize guide (player height):\nTenor: 5'1\" (155 cm) and taller\nConcert: 4'9\"–5'1\" (145–155 cm)\n"
                   "Soprano: 4'5\"–4'9\" (135–145 cm)"),
            ("de", "Ukulele.\nGrößen (Körpergröße):\nTenor: 155 cm und größer\nConcert: 145–155 cm\nSoprano: 135–145 cm")):
        uke = _product({"Größe": ["Soprano", "Concert", "Tenor"]}, text, lang)
        assert ("Tenor", "height", 155, float("inf")) in _rows(uke, lang)
        said = chart_answer(uke, [Measurement("height", 168)], "", lang, "EUR") or ""
        assert "Tenor" in said and "Concert" not in said.split(".")[0], said
    table = _product({"Size": ["S", "M", "L"]}, "Bow.\nSize Age Player height\nS 5–8 3'9\"–4'5\" (115–135 cm)\n"
                                              "M 8–11 4'5\"–5'0\" (135–152 cm)\nL 11+ over 5'0\" (152 cm)", "en")
    assert ("L", "height", 152, float("inf")) in _rows(table, "en")  # the table's column names the measure of its metric cells


def test_a_list_of_maximums_gives_the_smallest_one_reached() -> None:
    for lang, text, question in (
            ("de", "Miederhose.\nWählen Sie nach dem Taillenumfang: 36 bis 68 cm · 38 bis 73 cm · 40 bis 78 cm · 42 bis 83 cm.", "Taille 75 cm"),
            ("en", "Shaping brief.\nChoose by your waist: 36 up to 68 cm · 38 up to 73 cm · 40 up to 78 cm · 42 up to 83 cm.", "waist 75 cm")):
        brief = _product({"Größe": ["36", "38", "40", "42"]}, text, lang)
        rows = _rows(brief, lang)
        assert ("38", "waist", 0, 73) in rows and ("42", "waist", 0, 83) in rows
        said = _said(brief, question, lang)
        assert said.split(".")[0].rstrip().endswith("40"), said


def test_a_step_from_the_measured_size_is_taken_after_the_chart() -> None:
    for lang, text, question, word in (
            ("de", "Kletterhandschuh.\nGröße Handumfang\n7 17–18 cm\n8 19–20 cm\n9 21–22 cm\nEng geschnitten: bitte eine Größe größer als gemessen bestellen.",
             "Handumfang 19 cm", "empfehle ich Größe 9"),
            ("en", "Climbing glove.\nSize Hand circumference\n7 17–18 cm\n8 19–20 cm\n9 21–22 cm\nThese run small – order one size up from your measured size.",
             "I measure 19 cm around the knuckles", "recommend size 9")):
        glove = _product({"Größe": ["7", "8", "9"]}, text, lang)
        assert measured_step(glove, lang)[0] == 1
        said = _said(glove, question, lang)
        assert word in said, said
    plain = _product({"Größe": ["7", "8"]}, "Glove.\nSize Hand circumference\n7 17–18 cm\n8 19–20 cm\nIf in doubt, take one size up.", "en")
    assert measured_step(plain, "en") is None  # no step from the measured size: the rule between two sizes


def test_a_length_option_is_chosen_by_the_height_beside_the_size() -> None:
    for lang, text, question, length in (
            ("en", "Hiking trousers.\nSize chart (body waist): S 74–79 cm, M 80–85 cm, L 86–91 cm.\n"
                   "Length: Regular = inseam 80 cm, Tall = inseam 85 cm (for people taller than approx. 1.84 m).",
             "I'm 1.90 m tall with an 83 cm waist", "Tall"),
            ("de", "Wanderhose.\nZur Größe: S bei 74 bis 79 cm Taille, M bei 80 bis 85 cm, L bei 86 bis 91 cm.\n"
                   "Die Länge Tall hat 5 cm mehr Innenbeinlänge – für Personen ab etwa 1,84 m.",
             "Taille 83 cm, ich bin 1,70 m groß", "Regular")):
        trousers = _product({"Größe": ["S", "M", "L"], "Länge": ["Regular", "Tall"]}, text, lang)
        rows = option_height_rows(trousers, lang)
        assert ("Tall", "Länge", 184.0, float("inf")) == rows[0][:4] and rows[1][:4] == ("Regular", "Länge", 0.0, 184.0)
        said = _said(trousers, question, lang)
        assert "M" in said.split(".")[0] and f"Länge {length}" in said, said
    alone = _product({"Größe": ["S", "M"], "Länge": ["Regular", "Tall"]}, "Trousers.\nS 74–79 cm, M 80–85 cm waist.", "en")
    assert option_height_rows(alone, "en") == []  # no height named: nothing


def test_a_row_bounded_by_the_shoe_size_holds_only_for_such_shoes() -> None:
    def row(size: str, low: float, high: float, source: str) -> ChartRow:
        return ChartRow(size, "Länge", low, high, "weight", source)

    rows = [row("151", 55, 75, "151 – 55–75 kg, bis 43"), row("156", 65, 85, "156 – 65–85 kg, bis 43"),
            row("156W", 65, 85, "156W – 65–85 kg, for boots EU 44 and up")]
    assert bounds(rows[2].source) == (44, float("inf")) and bounds(rows[0].source) == (0.0, 43)
    assert asked_shoe_size("72 kg, boot size 42, which board?") == 42 and asked_shoe_size("Ich wiege 72 kg, Schuhgröße 45") == 45
    said = "Snowboard für Boots."
    assert [r.size for r in shoe_fit(rows, "72 kg, boot size 42", said, "weight", 72)] == ["151", "156"]
    assert [r.size for r in shoe_fit(rows, "72 kg, Schuhgröße 45", said, "weight", 72)] == ["156W"]
    assert [r.size for r in shoe_fit(rows, "Ich wiege 80 kg", said, "weight", 80)] == ["151", "156"]  # no shoe size: the plain board
    assert len(shoe_fit(rows, "80 kg", "A board.", "weight", 80)) == 3  # no shoes named: every row


def test_a_step_of_one_and_a_half_sizes_from_the_street_shoe() -> None:
    for lang, text in (("de", "Kletterschuh.\nGröße: 1,5 Nummern kleiner als Ihre Straßenschuhe."),
                       ("en", "Climbing shoe.\nSizing: go 1.5 sizes smaller than your street shoe.")):
        shoe = _product({"Größe": ["39", "39,5", "40", "40,5", "41", "41,5", "42"]}, text, lang)
        step = stated_step(shoe, lang)
        assert step and step[0] == [-1.5], step


def test_a_snug_step_than_usual_counts_from_the_usual_size(monkeypatch: pytest.MonkeyPatch) -> None:
    from actions import size_advice

    monkeypatch.setattr(size_advice, "availability", lambda *a, **k: ("", []))
    for lang, text, question in (
            ("de", "Pullover.\nFällt weit aus. Wer es körpernah mag, nimmt eine Nummer kleiner als sonst.", "Ich trage L und mag es körpernah"),
            ("en", "Sweater.\nRuns large. If you like it snug, take one size smaller than usual.", "I wear L and like it snug")):
        sweater = _product({"Größe": ["S", "M", "L", "XL"]}, text, lang, fit="runs_large")
        sweater.fit_notes = {lang: text.split("\n")[1].split(".")[0] + "."}  # the fit read from the cut's sentence
        picked = size_advice._roomier(sweater, "L", "M", question, lang)
        assert picked and picked[0] == "M", picked


def test_a_body_column_charts_the_measure_over_the_garments() -> None:
    for lang, header in (("de", "Kragenweite Konfektion Brustweite Hemd für Brustumfang (Körper) bis"),
                         ("en", "Collar Letter Shirt chest Body chest up to")):
        text = f"Hemd.\n{header}\n38 S 104 cm 92 cm\n39 M 108 cm 96 cm\n40 M 112 cm 100 cm"
        shirt = _product({"Kragenweite": ["38", "39", "40"]}, text, lang)
        rows = _rows(shirt, lang)
        assert ("39", "chest", 92.1, 96) in rows and not any(r[2] == 104 for r in rows), rows


def test_a_heading_of_measures_split_by_slashes_charts_each_part() -> None:
    for lang, text, question in (
            ("en", "Briefs.\nSize chart – waist / hip:\nS: 26–28 in (66–71 cm) / 36–38 in (91–97 cm)\n"
                   "M: 28–30 in (71–76 cm) / 38–40 in (97–102 cm)\nIf waist and hip point to different sizes, go by your hip.",
             "waist 69 cm, hips 99 cm"),
            ("de", "Slip.\nGrößentabelle Taille / Hüfte:\nS: 66–71 / 91–97 cm\nM: 71–76 / 97–102 cm\n"
                   "Liegen Taille und Hüfte in verschiedenen Größen, richten Sie sich nach der Hüfte.",
             "Taille 69 cm, Hüfte 99 cm")):
        brief = _product({"Größe": ["S", "M"]}, text, lang)
        rows = _rows(brief, lang)
        assert ("S", "waist", 66, 71) in rows and ("M", "hip", 97, 102) in rows, rows
        said = _said(brief, question, lang)
        assert ("empfehle ich Größe M" in said or "Ich empfehle Größe M" in said) if lang == "de" else "recommend size M" in said, said
