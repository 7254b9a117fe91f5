"""Size rules merchants write in accessory descriptions (catalog/size_text_rules.py and its hooks
in catalog/measurements.py, catalog/size_chart.py, actions/size_advice.py)."""

from __future__ import annotations

from catalog.measurements import find_measurements
from catalog.size_chart import Measurement, chart, sizes_for
from catalog.size_text_rules import plain_system_size, row_size, text_rows
from tests.test_variants import optioned


def _rows(p, lang="de"):
    return [(r.size, r.low, r.high, r.measure) for r in chart(p, lang)]


def test_wrist_neck_and_frame_width_are_measures():
    assert find_measurements("Mein Handgelenk misst 16 cm. Welche Länge passt?") == [Measurement("wrist", 16.0)]
    assert find_measurements("Handgelenk 18,5 cm – welche Armbandlänge?") == [Measurement("wrist", 18.5)]
    assert find_measurements("Does the rubber strap fit a 17 cm wrist?") == [Measurement("wrist", 17.0)]
    assert find_measurements("Mein Halsumfang ist 38 cm, welche Kettenlänge?") == [Measurement("neck", 38.0)]
    assert find_measurements("My neck is 42 cm. Which chain length?") == [Measurement("neck", 42.0)]
    assert find_measurements("Meine Sonnenbrille ist 138 mm breit und passt gut.") == [Measurement("frame", 13.8)]
    assert find_measurements("my glasses are 132 mm wide. Which size?") == [Measurement("frame", 13.2)]
    assert find_measurements("Ist das Armband 3,5 mm breit?") == []  # no frame width: not plausible
    assert find_measurements("Mein Bauchumfang ist 94 cm.") == [Measurement("waist", 94.0)]


def test_ages_in_jahren_and_of_a_niece():
    assert find_measurements("Welche Länge für ein Kind von 5 Jahren?") == [Measurement("age", 5.0)]
    assert find_measurements("Meine Nichte wird 10. Welche Länge?") == [Measurement("age", 10.0)]
    assert find_measurements("my nephew is 7, which size?") == [Measurement("age", 7.0)]


def test_a_measure_range_before_the_size_in_a_line():
    p = optioned("bracelet", ("Länge",), [("17 cm", 1), ("19 cm", 1), ("21 cm", 1)], size_option="Länge")
    p.description = {"de": "Welche Länge?\nHandgelenk bis 15,5 cm Armbandlänge 17 cm\nHandgelenk 15,5 – 17,5 cm Armbandlänge 19 cm\n"
                           "Handgelenk 17,5 – 19,5 cm Armbandlänge 21 cm\nGewicht 19-cm-Version: 6,4 g."}  # fmt: skip
    rows = chart(p, "de")
    assert [(r.size, r.low, r.high, r.measure) for r in rows] == [("17 cm", 0, 15.5, "wrist"), ("19 cm", 15.5, 17.5, "wrist"), ("21 cm", 17.5, 19.5, "wrist")]
    assert [r.size for r in sizes_for(rows, Measurement("wrist", 16))[0]] == ["19 cm"]
    assert [r.size for r in sizes_for(rows, Measurement("wrist", 15))[0]] == ["17 cm"]


def test_a_measure_point_before_the_size_each_clause():
    p = optioned("chain", ("Length",), [("50 cm", 1), ("55 cm", 1), ("60 cm", 1)], size_option="Length")
    p.description = {"en": "Weight: 28 g at 55 cm. Measure around the base of your neck and add 10–15 cm. "
                           "Neck 38 cm → 50 cm, neck 42 cm → 55 cm, neck 46 cm → 60 cm."}  # fmt: skip
    assert _rows(p, "en") == [("50 cm", 38, 38, "neck"), ("55 cm", 42, 42, "neck"), ("60 cm", 46, 46, "neck")]


def test_a_range_with_decimals_and_a_width_in_mm_after_the_size():
    wrap = optioned("wrap", ("Grösse",), [("S", 1), ("M", 1), ("L", 1)], size_option="Grösse")
    wrap.description = {"en": "Size guide: S = wrist 14–15.5 cm, M = wrist 15.5–17 cm, L = wrist 17–18.5 cm."}
    assert _rows(wrap, "en") == [("S", 14, 15.5, "wrist"), ("M", 15.5, 17, "wrist"), ("L", 17, 18.5, "wrist")]
    glasses = optioned("aviator", ("Size",), [("55", 1), ("58", 1)], size_option="Size")
    glasses.description = {"en": "Which size?\nSize 55 – frame width 134 mm – for narrow faces\nSize 58 – frame width 140 mm – for wide faces"}
    rows = chart(glasses, "en")
    assert [(r.size, r.low, r.measure) for r in rows] == [("55", 13.4, "frame"), ("58", 14.0, "frame")]
    assert sizes_for(rows, Measurement("frame", 13.8))[0][0].size == "58"


def test_sizes_by_age_range_after_the_size():
    p = optioned("kids-bracelet", ("Länge",), [("12 cm", 1), ("14 cm", 1), ("16 cm", 1)], size_option="Länge")
    p.description = {"de": "Längen nach Alter\n12 cm: 1–3 Jahre\n14 cm: 4–7 Jahre\n16 cm: 8–12 Jahre"}
    rows = chart(p, "de")
    assert [r.size for r in sizes_for(rows, Measurement("age", 5))[0]] == ["14 cm"]
    assert [r.size for r in sizes_for(rows, Measurement("age", 10))[0]] == ["16 cm"]
    assert text_rows("12 cm: 1–3 Jahre", None, {"Länge": ["12 cm"]}) == [("12 cm", "Länge", 1.0, 3.99, "age")]


def test_an_offset_rule_sizes_bare_numbers():
    belt = optioned("belt", ("Grösse",), [("75", 1), ("80", 1), ("85", 1), ("90", 1)], size_option="Grösse")
    belt.description = {"de": "Grössen: 75, 80, 85, 90 (Länge bis zum mittleren Loch). Faustregel: Taillenumfang + 5 cm."}
    rows = chart(belt, "de")
    assert ("85", 80, 80, "waist") in [(r.size, r.low, r.high, r.measure) for r in rows]
    assert sizes_for(rows, Measurement("waist", 80))[0][0].size == "85"
    chain = optioned("chain", ("Länge",), [("45 cm", 1), ("55 cm", 1)], size_option="Länge")
    chain.description = {"en": "Measure around your neck and add 10–15 cm."}
    assert _rows(chain, "en") == [("45 cm", 32.5, 32.5, "neck"), ("55 cm", 42.5, 42.5, "neck")]
    plain = optioned("belt2", ("Grösse",), [("75", 1), ("80", 1)], size_option="Grösse")
    plain.description = {"de": "Mit 5 cm Zugabe gefertigt."}
    assert chart(plain, "de") == []  # no measure named: no rule


def test_a_jeans_waist_in_the_table_row_of_the_text():
    lines = ["Jeans (W) Bundweite Gürtelgrösse", "W30 85 cm 90", "W32 90 cm 95", "W34 95 cm 100"]
    assert row_size(lines, ["90", "95", "100"], "Meine Jeans ist W32. Welche Gürtelgrösse?") == ("95", "W32", "W32 90 cm 95")
    assert row_size(lines, ["90", "95", "100"], "I wear W36 jeans") is None  # no such row
    assert row_size(lines, ["90", "95", "100"], "Welche Grösse bei 90 cm?") is None


def test_system_size_words_are_dropped():
    assert plain_system_size("Meine Freundin hat US-Grösse 7.") == "Meine Freundin hat US 7."
    assert plain_system_size("UK size 9 please") == "UK 9 please"
    assert plain_system_size("US kids 3") == "US kids 3"


def test_the_usual_size_hooks_read_jeans_rows_and_swiss_size_words():
    from actions.size_advice import usual_in_product_system  # noqa: PLC0415

    belt = optioned("belt", ("Gürtelgrösse",), [("90", 1), ("95", 1), ("100", 1)], size_option="Gürtelgrösse")
    belt.description = {"de": "Nehmen Sie Ihre Bundweite:\nJeans (W) Bundweite Gürtelgrösse\nW30 85 cm 90\nW32 90 cm 95\nW34 95 cm 100"}
    assert usual_in_product_system(belt, "Meine Jeans ist W32. Welche Gürtelgrösse?", "de")[0] == "95"
    ring = optioned("ring", ("Ring size",), [("52", 1), ("54", 1), ("56", 1)], size_option="Ring size")
    assert usual_in_product_system(ring, "Meine Freundin hat US-Grösse 7. Welche Grösse?", "de")[0] == "54"


def test_a_one_size_product_answers_a_measure_its_text_gives():
    from actions.size_measure import names_measure  # noqa: PLC0415

    watch = optioned("kids-watch", ("Farbe",), [("Rot", 1), ("Blau", 1)], color_option="Farbe")
    watch.description = {"de": "Geeignet für Kinder von 5 bis 10 Jahren. Textilband mit Klett, passt für Handgelenke 12–16 cm."}
    assert names_measure(watch, Measurement("wrist", 13), "de")
    assert not names_measure(watch, Measurement("neck", 40), "de")
    assert not names_measure(watch, Measurement("height", 150), "de")


def test_an_exact_offset_rule_wins_over_its_example_a_range_rule_does_not():
    belt = optioned("belt", ("Länge",), [("85 cm", 1), ("90 cm", 1), ("95 cm", 1)], size_option="Länge")
    belt.description = {"de": "Gürtellänge = Ihre Bundweite in cm + 10 cm, aufrunden.\nBeispiel: Bundweite 80 cm → 90 cm."}
    rows = chart(belt, "de")
    assert sizes_for(rows, Measurement("waist", 85))[0][0].size == "95 cm"
    assert ("85 cm", 75, 75, "waist") in [(r.size, r.low, r.high, r.measure) for r in rows]


def test_option_values_with_decimal_ranges_are_a_chart():
    p = optioned("strap", ("Handgelenk",), [("14,5–16 cm", 1), ("16–17,5 cm", 1)], size_option="Handgelenk")
    assert _rows(p) == [("14,5–16 cm", 14.5, 16, "wrist"), ("16–17,5 cm", 16, 17.5, "wrist")]


def test_an_offset_rule_on_collar_pairs():
    shirt = optioned("shirt", ("Kragenweite",), [("37/38", 1), ("39/40", 1), ("41/42", 1)], size_option="Kragenweite")
    shirt.description = {"de": "So finden Sie Ihre Kragenweite: Messen Sie Ihren Halsumfang und addieren Sie 1 cm – das ist Ihre Kragenweite."}
    rows = chart(shirt, "de")
    assert sizes_for(rows, Measurement("neck", 40))[0][0].size == "41/42"
    assert sizes_for(rows, Measurement("neck", 38.5))[0][0].size == "39/40"


def test_a_heading_names_the_measure_of_the_lines_below():
    jeans = optioned("jeans", ("Weite",), [("W30", 1), ("W32", 1), ("W34", 1)], size_option="Weite")
    jeans.description = {"de": "Slim Fit.\nMaßtabelle (Bundumfang, gemessen am Körper):\nW30 77 cm\nW32 82 cm\nW34 87 cm\nWaschen bei 30 °C."}
    rows = chart(jeans, "de")
    assert [(r.size, r.low, r.measure) for r in rows] == [("W30", 77, "waist"), ("W32", 82, "waist"), ("W34", 87, "waist")]
    assert find_measurements("Ich habe 82 cm Bundumfang – welche Weite?") == [Measurement("waist", 82.0)]
    plain = optioned("jeans2", ("Weite",), [("W30", 1), ("W32", 1)], size_option="Weite")
    plain.description = {"de": "Slim Fit.\nW30 77 cm\nW32 82 cm"}
    assert chart(plain, "de") == []  # no measure named: no chart


def test_a_body_weight_in_the_text_is_named_the_products_own_weight_is_not():
    from actions.size_measure import _names_measure  # noqa: PLC0415

    assert _names_measure("Der Schuh ist auch für schwerere Läufer über 90 kg gut geeignet.", "weight")
    assert _names_measure("Belastbar bis 120 kg.", "weight")
    assert not _names_measure("Gewicht: 1,2 kg", "weight")  # the product's own weight
    assert not _names_measure("Weight: 2.1 kg", "weight")
    assert not _names_measure("Das Zelt wiegt nur 2 kg.", "weight")
    assert not _names_measure("Gewicht: 310 g (Gr. 43)", "weight")


def test_a_weight_question_without_a_chart_quotes_the_sentence_about_that_weight(monkeypatch):
    """"Is it OK for heavier runners? I'm 95 kg." on a shoe sized by shoe size: no chart by weight,
    but the text's sentence about runners' weight is quoted (with a verdict when it gives a limit)."""
    from types import SimpleNamespace  # noqa: PLC0415

    from actions import size_measure  # noqa: PLC0415

    monkeypatch.setattr(size_measure, "catalog", lambda: SimpleNamespace(embedder=None, config=SimpleNamespace(categories={})))
    monkeypatch.setattr(size_measure, "quote", lambda *a, **k: (None, []))
    shoe = optioned("shoe", ("Größe",), [("42", 1), ("43", 1)], size_option="Größe")
    shoe.description = {"de": "Gewicht: 310 g (Gr. 43)\nViel Dämpfung – auch für schwerere Läufer über 90 kg gut geeignet."}
    said = size_measure.measure_in_text(shoe, Measurement("weight", 95), "Is it OK for heavier runners? I'm 95 kg.", "en")
    assert said and "über 90 kg" in said and "310 g" not in said
    shoe.description = {"de": "Gewicht: 1,2 kg"}
    assert size_measure.measure_in_text(shoe, Measurement("weight", 95), "I'm 95 kg.", "en") is None
