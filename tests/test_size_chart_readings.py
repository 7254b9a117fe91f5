"""How a product's own chart is read (DE/EN, made-up products): a thigh measure; a table cell in
two systems read by its metric value; of overlapping ranges the size that holds every
measurement; a "max." before a table column's measure; a list of bare ranges with the unit once
at the end; a second option bounded by another body measure, said beside the size."""

from __future__ import annotations

from actions.size_chart_answer import chart_answer
from catalog.measurements import Measurement, find_measurements
from catalog.size_table import metric
from tests.test_size_written_tables import _product, _rows


def _said(product, question: str, lang: str) -> str:  # noqa: ANN001
    return chart_answer(product, find_measurements(question), question, lang, "EUR") or ""


def test_a_thigh_is_a_measure_of_its_own() -> None:
    assert find_measurements("Mein Oberschenkel hat 58 cm") == [Measurement("thigh", 58.0)]
    assert find_measurements("thigh 58 cm, height 1.68 m") == [Measurement("thigh", 58.0), Measurement("height", 168)]
    for lang, text, question in (
            ("de", "Radlerhose ohne Polster.\nNach Oberschenkelumfang: A bis 50 cm · B bis 57 cm · C bis 64 cm.", "Oberschenkelumfang 55 cm, welche Größe?"),
            ("en", "Liner shorts.\nBy thigh circumference: A up to 50 cm · B up to 57 cm · C up to 64 cm.", "my thigh is 55 cm")):
        shorts = _product({"Größe": ["A", "B", "C"]}, text, lang)
        assert ("B", "thigh", 0.0, 57.0) in _rows(shorts, lang)
        said = _said(shorts, question, lang)
        assert ("Größe B" if lang == "de" else "size B") in said and "C" not in said.split(".")[0], said


def test_a_cell_in_two_systems_is_read_by_its_metric_value() -> None:
    assert metric(" 4'11\"–5'4\" (150–163 cm) 100–125 lbs (45–57 kg)") == " 150–163 cm 45–57 kg"
    assert metric(" 28\" (71 cm)") == " 71 cm"
    assert metric(" 70–75 (EU 36)") == " 70–75 (EU 36)"  # no imperial value: as written
    text = ("Warm tights.\nSize Height Weight\nA 4'11\"–5'4\" (150–163 cm) 100–125 lbs (45–57 kg)\n"
            "B 5'3\"–5'8\" (160–173 cm) 120–150 lbs (54–68 kg)\nC 5'7\"–6'0\" (170–183 cm) 145–180 lbs (66–82 kg)")
    rows = _rows(_product({"Size": ["A", "B", "C"]}, text, "en"), "en")
    assert ("B", "height", 160, 173) in rows and ("C", "weight", 66, 82) in rows


def test_of_overlapping_ranges_the_size_holding_every_measurement_wins() -> None:
    for lang, text, question, size in (
            ("en", "Warm tights.\nSize Height Weight\nA 150–163 cm 45–57 kg\nB 160–173 cm 54–68 kg\nC 170–183 cm 66–82 kg",
             "I'm 1.71 m and weigh 60 kg", "size B"),
            ("de", "Feinstrumpfhose.\nGröße Körpergröße Gewicht\nA 150–163 cm 45–57 kg\nB 160–173 cm 54–68 kg\nC 170–183 cm 66–82 kg",
             "Ich bin 1,71 m groß und wiege 60 kg", "Größe B")):
        tights = _product({"Größe": ["A", "B", "C"]}, text, lang)
        said = _said(tights, question, lang)
        assert size in said.split(".")[0] and "C" not in said.split(".")[0], said  # 171 cm is B or C; 60 kg only B


def test_a_max_before_a_column_opens_a_column_of_maxima() -> None:
    for lang, text, question in (
            ("de", "Kinderschlitten.\nLänge Körpergröße max. Körpergewicht\n90 cm 100–119 cm 25 kg\n110 cm 120–139 cm 40 kg",
             "Meine Tochter ist 115 cm, wiegt aber 30 kg"),
            ("en", "Kids' sled.\nLength Height max. weight\n90 cm 100–119 cm 25 kg\n110 cm 120–139 cm 40 kg",
             "my daughter is 115 cm tall but weighs 30 kg")):
        sled = _product({"Länge": ["90 cm", "110 cm"]}, text, lang)
        assert ("110 cm", "weight", 25.1, 40.0) in _rows(sled, lang)
        said = _said(sled, question, lang)  # 115 cm is the 90 cm sled, 30 kg too heavy for it: the 110 cm one
        assert ("Ich empfehle Länge 110 cm" if lang == "de" else "I recommend Länge 110 cm") in said, said


def test_bare_ranges_with_the_unit_once_at_the_end() -> None:
    for lang, text in (("de", "Reitweste.\nGrößen nach Brustumfang: A 80–86, B 87–94, C 95–102 cm."),
                       ("en", "Riding vest.\nSizes by chest: A 80–86, B 87–94, C 95–102 cm.")):
        rows = _rows(_product({"Größe": ["A", "B", "C"]}, text, lang), lang)
        assert {("A", "chest", 80, 86), ("B", "chest", 87, 94), ("C", "chest", 95, 102)} <= rows
    undone = _rows(_product({"Größe": ["A", "B", "C"]}, "Reitweste.\nGrößen nach Brustumfang: A 80–86, B 87–94, C 95–102 Zoll.", "de"))
    assert ("A", "chest", 80, 86) not in undone  # no cm at the end: no cm chart


def test_a_second_option_bounded_by_another_measure_is_said_beside_the_size() -> None:
    for lang, text, question, length in (
            ("de", "Schutzweste.\nGrößen nach Brustumfang: A 80–86, B 87–94, C 95–102 cm.\n"
                   "Länge: Lang für Rückenlänge (Nacken bis Taille) ab 45 cm, Kurz darunter.", "Brustumfang 90 cm, Rückenlänge 42 cm", "Kurz"),
            ("en", "Body protector.\nSizes by chest: A 80–86, B 87–94, C 95–102 cm.\n"
                   "Length: Long for a back length (neck to waist) of at least 45 cm, Short below that.", "chest 90 cm, back length 47 cm", "Long")):
        options = {"Größe": ["A", "B", "C"], "Länge": ["Kurz", "Lang"] if lang == "de" else ["Short", "Long"]}
        vest = _product(options, text, lang)
        said = _said(vest, question, lang)
        assert ("Größe B" if lang == "de" else "size B") in said and f"Länge {length}" in said, said


def test_a_line_naming_a_group_of_rows_stays_under_the_header() -> None:
    for lang, text, question, size in (
            ("de", "Sakko.\nGröße Körpergröße Brustumfang\nNormalgrößen\n48 174–178 cm 96 cm\n50 177–181 cm 100 cm\n52 180–184 cm 104 cm\n"
                   "Untersetzte Größen (kürzer, mehr Bauch)\n24 164–168 cm 96 cm\n25 167–171 cm 100 cm\n26 169–173 cm 104 cm",
             "Ich bin 1,69 m, Brustumfang 100 cm", "Größe 25"),
            ("en", "Blazer.\nSize Height Chest\nRegular sizes\n48 174–178 cm 96 cm\n50 177–181 cm 100 cm\n52 180–184 cm 104 cm\n"
                   "Short sizes (shorter, fuller waist)\n24 164–168 cm 96 cm\n25 167–171 cm 100 cm\n26 169–173 cm 104 cm",
             "I'm 1.79 m with a 100 cm chest", "size 50")):
        sizes = ["48", "50", "52", "24", "25", "26"]
        jacket = _product({"Größe": sizes}, text, lang)
        rows = _rows(jacket, lang)
        assert ("25", "height", 167, 171) in rows and ("25", "chest", 100, 100) in rows and ("24", "waist", 164, 168) not in rows
        said = _said(jacket, question, lang)
        assert size in said.split(".")[0], said
    titled = _product({"Size": ["A1", "A2"]}, "Gi.\nSize chart / Größentabelle\nSize Height / Körpergröße Weight / Gewicht\n"
                                              "A1 160–170 cm 55–68 kg\nA2 170–180 cm 68–82 kg", "en")
    assert ("A2", "weight", 68, 82) in _rows(titled, "en")  # a title naming no measures is no header over a group


def test_a_bound_between_two_columns_belongs_where_a_maximum_can_be() -> None:
    coat = _product({"Rückenlänge": ["30 cm", "35 cm"]}, "Hundemantel.\nGröße Brustumfang max. Halsumfang\n30 cm 46 cm 30 cm\n35 cm 52 cm 34 cm")
    assert ("35 cm", "chest", 46.1, 52.0) in _rows(coat)  # single values before "max.": the chest's maximum


def test_between_two_sizes_the_rule_takes_one_that_another_measure_allows() -> None:
    for lang, text, question, size in (
            ("de", "Sakko.\nGröße Körpergröße Brustumfang\n48 174–178 cm 96 cm\n50 177–181 cm 100 cm\n52 180–184 cm 104 cm\n54 182–186 cm 108 cm\n"
                   "Liegt Ihr Brustumfang zwischen zwei Größen, nehmen Sie die größere.", "Brustumfang 102 cm, Körpergröße 1,83 m", "Größe 52"),
            ("en", "Blazer.\nSize Height Chest\n48 174–178 cm 96 cm\n50 177–181 cm 100 cm\n52 180–184 cm 104 cm\n54 182–186 cm 108 cm\n"
                   "If your chest is between two sizes, take the larger one.", "chest 102 cm, height 1.83 m", "size 52")):
        jacket = _product({"Größe": ["48", "50", "52", "54"]}, text, lang)
        said = _said(jacket, question, lang)  # the chest: 52 of 50/52; the height: 52 or 54
        assert size in said.split(".")[0] and "54" not in said.split(".")[0], said
        said = _said(jacket, question.replace("1,83", "1,79").replace("1.83", "1.79"), lang)  # the height: 50, not the size the rule takes
        assert ("empfehle Größe 52" if lang == "de" else "recommend size 52") in said, said


def test_a_bound_far_beyond_the_measure_named_is_no_row_of_it() -> None:
    jeans = _product({"Size": ["S", "M"], "Length": ["Short", "Long"]},
                     "Jeans.\nSizes by waist: S 70–75, M 76–81 cm.\nLength: Short is an ankle length for people up to 170 cm, Long above that.", "en")
    assert not any(r[1] == "ankle" for r in _rows(jeans, "en"))  # 170 cm is a height, no ankle


def test_a_value_bounding_a_weight_on_one_side_is_a_row() -> None:
    for lang, values, question, want in (
            ("de", ["Mini (bis 18 kg)", "Midi (18–30 kg)"], "Mein Sohn wiegt 15 kg", "Mini (bis 18 kg)"),
            ("en", ["Mini (up to 18 kg)", "Midi (18–30 kg)"], "my son weighs 15 kg", "Mini (up to 18 kg)")):
        seat = _product({"Gewichtsklasse": values}, "Kindersitz.", lang)
        assert (values[0], "weight", 0.0, 18.0) in _rows(seat, lang)
        assert want in _said(seat, question, lang)


def test_beyond_the_chart_the_merchants_sentence_on_that_side_is_quoted() -> None:
    for lang, text, question, sentence in (
            ("de", "Kindergurt.\nFür Kinder über 30 kg empfehlen wir unseren Hüftgurt Talwärts.", "Mein Kind wiegt 34 kg", "Für Kinder über 30 kg"),
            ("en", "Kids' harness.\nFor children over 30 kg we recommend our Valley sit harness.", "my child weighs 34 kg", "For children over 30 kg")):
        harness = _product({"Körpergewicht": ["A (10–20 kg)", "B (20–30 kg)"]}, text, lang)
        harness.size_option = None  # an option of weight classes, as an export without a size option gives it
        said = _said(harness, question, lang)
        assert sentence in said and "30 kg" in said.split(".")[0], said


def test_a_header_with_more_words_than_cells_joins_two_that_name_no_measure() -> None:
    for lang, text, question, size in (
            ("de", "Knieschoner.\nGröße Körpergröße Wadenumfang Länge Polster\nS 150–165 cm 30–34 cm 30 cm\nM 165–178 cm 34–37 cm 33 cm\n"
                   "L 178–190 cm 37–40 cm 36 cm", "1,70 m groß, Wade 35 cm", "Größe M"),
            ("en", "Shin guards.\nSize Height Calf Pad length\nS 150–165 cm 30–34 cm 30 cm\nM 165–178 cm 34–37 cm 33 cm\n"
                   "L 178–190 cm 37–40 cm 36 cm", "I'm 1.70 m tall, calf 35 cm", "size M")):
        guards = _product({"Größe": ["S", "M", "L"]}, text, lang)
        rows = _rows(guards, lang)
        assert ("M", "calf", 34, 37) in rows and ("M", "height", 165, 178) in rows
        assert size in _said(guards, question, lang).split(".")[0]


def test_a_kids_size_naming_an_age_and_a_height_charts_both() -> None:
    for lang, values, question, want in (
            ("de", ["4–5 Jahre (110 cm)", "6–7 Jahre (120 cm)", "8–9 Jahre (130 cm)"], "Mein Sohn ist 7 und 1,29 m groß", "8–9 Jahre (130 cm)"),
            ("en", ["4-5 years (110 cm)", "6-7 years (120 cm)", "8-9 years (130 cm)"], "my son is 7 and 1.29 m tall", "8-9 years (130 cm)")):
        suit = _product({"Alter": values}, "Kinderanzug.", lang)
        assert (values[1], "height", 115, 120) in _rows(suit, lang)
        said = _said(suit, question, lang)  # the age says 6–7, the height 8–9: the larger
        assert ("empfehle Alter " if lang == "de" else "recommend Alter ") + want in said, said
