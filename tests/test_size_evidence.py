"""Size information as shops write it, in layouts and measure names no store of the repo was
read for (catalog/size_evidence.py, catalog/size_evidence_pick.py, actions/size_evidence_answer.py):
HTML tables with sizes as rows or columns, units in the header or the cells, lists, equations,
sentences, clauses, single values, inches, kg, ages and measure words the lexicon does not know."""

from __future__ import annotations

import re

import pytest

from actions.size_evidence_answer import evidence_answer, reads_more
from catalog.models import Product
from catalog.size_evidence import evidence, label_matches
from catalog.size_evidence_pick import asked_measures


def _product(
    sizes: list[str], description: str, lang: str = "de", option: str = "Größe"
) -> Product:
    variants = [
        {"sku": f"p-{i}", "size": v, "price": 40.0, "stock": 2, "options": {option: v}}
        for i, v in enumerate(sizes)
    ]
    return Product.parse_obj({"id": "p", "title": {lang: "Artikel"}, "category": "clothing", "description": {lang: description},
                              "option_names": [option], "size_option": option, "variants": variants})  # fmt: skip


# (sizes, description, lang, question, the size to recommend)
PROBES: list[tuple[list[str], str, str, str, str]] = [
    (
        ["S", "M", "L"],
        "<p>Bequemer Schnitt.</p><table><tr><th>Größe</th><th>Brust (cm)</th><th>Taille (cm)</th></tr>"
        "<tr><td>S</td><td>88–92</td><td>72–76</td></tr><tr><td>M</td><td>93–97</td><td>77–81</td></tr>"
        "<tr><td>L</td><td>98–102</td><td>82–86</td></tr></table>",
        "de",
        "Brustumfang 96 cm, welche Größe?",
        "M",
    ),
    (
        ["S", "M", "L"],
        "<p>Relaxed fit.</p><table><tr><th>Size</th><th>S</th><th>M</th><th>L</th></tr>"
        "<tr><td>Chest (in)</td><td>34–36</td><td>38–40</td><td>42–44</td></tr>"
        "<tr><td>Waist (in)</td><td>28–30</td><td>32–34</td><td>36–38</td></tr></table>",
        "en",
        "My chest is 39 inches, which size?",
        "M",
    ),
    (
        ["S/M", "L/XL"],
        "<table><tr><td>Size</td><td>Head circumference</td></tr><tr><td>S/M</td><td>54–58 cm</td></tr>"
        "<tr><td>L/XL</td><td>58–62 cm</td></tr></table>",
        "en",
        "head 56 cm, which size?",
        "S/M",
    ),
    (
        ["S", "M", "L"],
        "Sportliche Passform.\nS: Brust 88–92 cm, Taille 72–76 cm\nM: Brust 93–97 cm, Taille 77–81 cm\n"
        "L: Brust 98–102 cm, Taille 82–86 cm",
        "de",
        "Taille 79 cm, welche Größe?",
        "M",
    ),
    (
        ["41", "42", "43"],
        "Leichter Laufschuh.\nGröße 41 = 25,8 cm Fußlänge\nGröße 42 = 26,5 cm Fußlänge\nGröße 43 = 27,2 cm Fußlänge",
        "de",
        "Meine Fußlänge ist 26,5 cm, welche Größe?",
        "42",
    ),
    (
        ["S", "M", "L"],
        "Funktionsjacke. S passt bei 162 bis 170 cm. M passt bei 170 bis 178 cm. L passt bei 178 bis 186 cm.",
        "de",
        "Ich bin 1,75 m, welche Größe?",
        "M",
    ),
    (
        ["S/M", "L/XL"],
        "Fahrradhelm mit Drehrad. Für Kopfumfang 54–58 cm (S/M) und 58–62 cm (L/XL).",
        "de",
        "Kopfumfang 56 cm, welche Größe?",
        "S/M",
    ),
    (
        ["S", "M", "L"],
        "Merino base layer.\nS 88 / M 96 / L 104 cm chest",
        "en",
        "chest 92 cm, which size?",
        "M",
    ),
    (
        ["Small", "Medium", "Large"],
        "Leather watch strap.\nSmall: wrist 6–6.5 in\nMedium: wrist 6.5–7 in\nLarge: wrist 7–7.5 in",
        "en",
        "my wrist is 17 cm, which size?",
        "Medium",
    ),
    (
        ["S", "M", "L"],
        "Kletterhose.\nbis 60 kg: S\n60–80 kg: M\n80–100 kg: L",
        "de",
        "Ich wiege 72 kg, welche Größe?",
        "M",
    ),
    (
        ["98", "110", "122"],
        "Kinderjacke.\n2–3 Jahre: 98\n4–5 Jahre: 110\n6–7 Jahre: 122",
        "de",
        "Meine Tochter ist 4 Jahre, welche Größe?",
        "110",
    ),
    (
        ["S", "M", "L"],
        "Trekkingrad.\nSattelhöhe: S 68–74 cm, M 74–80 cm, L 80–86 cm",
        "de",
        "Meine Sattelhöhe ist 77 cm, welche Größe?",
        "M",
    ),
    (
        ["70B", "75B", "80B"],
        "<table><tr><th>Größe</th><th>Unterbrust (cm)</th><th>Oberweite (cm)</th></tr>"
        "<tr><td>70B</td><td>68–72</td><td>83–85</td></tr><tr><td>75B</td><td>73–77</td><td>88–90</td></tr>"
        "<tr><td>80B</td><td>78–82</td><td>93–95</td></tr></table>",
        "de",
        "Oberweite 89, Unterbrust 75, welche Größe?",
        "75B",
    ),
    (
        ["S", "M", "L"],
        "Hiking pack. Torso length: S fits 40–45 cm, M fits 45–50 cm, L fits 50–55 cm.",
        "en",
        "my torso is 47 cm, which size?",
        "M",
    ),
    (
        ["S", "M", "L", "XL"],
        "Winter gloves.\nSize S M L XL\nHand circumference (cm) 18 20 22 24",
        "en",
        "my hand is 21 cm around, which size?",
        "L",
    ),
    (
        ["30", "32", "34"],
        "Chino.\nInnenbeinlänge: 30 = 76 cm, 32 = 81 cm, 34 = 86 cm",
        "de",
        "Innenbeinlänge 82 cm, welche Länge?",
        "34",
    ),
    (
        ["S", "M", "L"],
        "Hemd aus Leinen.\nKragenweite: S 37–38 cm, M 39–40 cm, L 41–42 cm",
        "de",
        "Halsumfang 40 cm, welche Größe?",
        "M",
    ),
    (
        ["1", "2", "3"],
        "Kompressionsstrumpf. Größe 1 passt für Wadenumfang 30–35 cm, Größe 2 für 35–40 cm, Größe 3 für 40–45 cm.",
        "de",
        "Wadenumfang 37 cm, welche Größe?",
        "2",
    ),
    (
        ["S", "M", "L"],
        "Cycling jersey.\nArm length: S 60 cm, M 62 cm, L 64 cm",
        "en",
        "arm length 61 cm, which size?",
        "M",
    ),
    (
        ["M", "L"],
        "Rain cape. Size M fits riders from 170 to 178 cm, size L from 178 to 186 cm.",
        "en",
        "I'm 5'11\", which size?",
        "L",
    ),
    (
        ["S", "M", "L"],
        "Rückenprotektor.\nRumpflänge: S 40–44 cm, M 44–48 cm, L 48–52 cm",
        "de",
        "Meine Rumpflänge beträgt 46 cm, welche Größe?",
        "M",
    ),
    (
        ["S", "M", "L"],
        "Fahrradhose.\n<table><tr><td></td><td>S</td><td>M</td><td>L</td></tr><tr><td>Hüfte</td><td>86–92 cm</td>"
        "<td>92–98 cm</td><td>98–104 cm</td></tr></table>",
        "de",
        "Hüfte 95 cm, welche Größe?",
        "M",
    ),
]


def _recommended(reply: str | None) -> str | None:
    m = re.search(r"(?:Ich empfehle Größe|I recommend size)\s+(\S+?)[\s,.(]", reply or "")
    return m.group(1) if m else None


@pytest.mark.parametrize("probe", PROBES, ids=[p[3][:30] for p in PROBES])
def test_the_probe_is_answered_with_its_size_and_the_line(
    probe: tuple[list[str], str, str, str, str],
) -> None:
    sizes, description, lang, question, expected = probe
    reply = evidence_answer(_product(sizes, description, lang), question, lang, "EUR")
    assert _recommended(reply) == expected, reply
    assert "„" in reply or "“" in reply  # the line it comes from


def test_a_measure_outside_every_range_is_said_with_the_nearest_size() -> None:
    product = _product(["S", "M", "L"], "Collar.\nNeck: S 36–38 cm, M 39–41 cm, L 42–44 cm", "en")
    reply = evidence_answer(product, "my neck is 48 cm, which size?", "en", "EUR") or ""
    assert "outside" in reply and "size L" in reply and "recommend" not in reply
    produkt = _product(["S", "M", "L"], "Halsband.\nHalsumfang: S 36–38 cm, M 39–41 cm, L 42–44 cm")
    antwort = evidence_answer(produkt, "Halsumfang 48 cm, welche Größe?", "de", "EUR") or ""
    assert "außerhalb" in antwort and "Größe L" in antwort and "empfehle" not in antwort


def test_two_measures_in_different_sizes_name_each_and_take_the_larger() -> None:
    text = "S: Brust 88–92 cm, Taille 72–76 cm\nM: Brust 93–97 cm, Taille 77–81 cm\nL: Brust 98–102 cm, Taille 82–86 cm"
    reply = (
        evidence_answer(
            _product(["S", "M", "L"], text), "Brust 90 cm, Taille 83 cm, welche Größe?", "de", "EUR"
        )
        or ""
    )
    assert _recommended(reply) == "L" and "S" in reply
    text_en = "S: chest 88–92 cm, waist 72–76 cm\nM: chest 93–97 cm, waist 77–81 cm"
    reply_en = (
        evidence_answer(
            _product(["S", "M"], text_en, "en"), "chest 95 cm and waist 74 cm?", "en", "EUR"
        )
        or ""
    )
    assert _recommended(reply_en) == "M"


def test_no_number_paired_with_the_sizes_gives_no_answer() -> None:
    product = _product(
        ["S", "M", "L"], "Weiches Shirt aus 100 % Baumwolle, 180 g/m². Waschbar bei 30 °C."
    )
    assert evidence_answer(product, "Ich bin 1,80 m, welche Größe?", "de", "EUR") is None
    shirt = _product(["S", "M", "L"], "Soft cotton tee, 180 gsm. Machine wash at 30 °C.", "en")
    assert evidence_answer(shirt, "I'm 180 cm, which size?", "en", "EUR") is None


def test_rows_keep_the_label_as_written() -> None:
    rows = evidence(_product(["S", "M"], "Sattelhöhe: S 68–74 cm, M 74–80 cm"), "de")
    assert {(r.size, r.label, r.low, r.high) for r in rows} == {
        ("S", "Sattelhöhe", 68, 74),
        ("M", "Sattelhöhe", 74, 80),
    }
    rows_en = evidence(_product(["S", "M"], "<table><tr><th>Size</th><th>Saddle height (in)</th></tr><tr><td>S</td><td>27–29</td></tr>"
                                            "<tr><td>M</td><td>29–31</td></tr></table>", "en"), "en")  # fmt: skip
    assert ("S", "Saddle height", 68.58, 73.66) in {
        (r.size, r.label, r.low, r.high) for r in rows_en
    }


def test_a_question_word_the_lexicon_does_not_know_becomes_the_label() -> None:
    assert [
        (a.label, a.value)
        for a in asked_measures("Meine Sattelhöhe ist 77 cm, welche Größe?")
        if not a.known
    ] == [("Sattelhöhe", 77)]
    assert [
        (a.label, a.value) for a in asked_measures("my saddle height is 77 cm") if not a.known
    ] == [("saddle height", 77)]


def test_label_words_match_across_compounds_and_forms() -> None:
    assert label_matches("Beinlänge", "Innenbeinlänge (cm)") and label_matches(
        "Rumpflänge", "Rumpflänge"
    )
    assert label_matches("torso", "Torso length") and label_matches(
        "saddle height", "Saddle height"
    )
    assert not label_matches("Sattelhöhe", "Armlänge") and not label_matches("wrist", "chest")


def test_the_height_of_a_thing_is_no_body_height() -> None:
    bike = _product(["S", "M"], "Saddle height: S 68–74 cm, M 74–80 cm", "en")
    assert evidence_answer(bike, "I'm 180 cm tall, which size?", "en", "EUR") is None
    assert "size M" in (evidence_answer(bike, "my saddle height is 77 cm", "en", "EUR") or "")
    rad = _product(["S", "M"], "Sitzhöhe: S 68–74 cm, M 74–80 cm")
    assert evidence_answer(rad, "Ich bin 180 cm groß, welche Größe?", "de", "EUR") is None


def test_below_every_single_value_the_smallest_size_that_reaches_it() -> None:
    shirt = _product(["S", "M", "L"], "Merino base layer.\nS 88 / M 96 / L 104 cm chest", "en")
    assert _recommended(evidence_answer(shirt, "chest 84 cm, which size?", "en", "EUR")) == "S"
    hemd = _product(["S", "M", "L"], "Merino-Shirt.\nBrustumfang: S 88 / M 96 / L 104 cm")
    assert (
        _recommended(evidence_answer(hemd, "Brustumfang 84 cm, welche Größe?", "de", "EUR")) == "S"
    )


def test_a_value_in_two_overlapping_ranges_names_both() -> None:
    rad = _product(["S", "M"], "Sattelhöhe: S 68–74 cm, M 74–80 cm")
    antwort = evidence_answer(rad, "Sattelhöhe 74 cm, welche Größe?", "de", "EUR") or ""
    assert "zwischen Größe S und Größe M" in antwort and _recommended(antwort) == "M"
    bike = _product(["S", "M"], "Saddle height: S 68–74 cm, M 74–80 cm", "en")
    reply = evidence_answer(bike, "my saddle height is 74 cm, which size?", "en", "EUR") or ""
    assert "between size S and size M" in reply and _recommended(reply) == "M"


def test_a_question_word_the_text_does_not_chart_gets_no_size() -> None:
    topf = _product(["S", "M"], "Pflanzkübel.\nS: Durchmesser 28–30 cm\nM: Durchmesser 34–36 cm")
    assert (
        evidence_answer(topf, "Meine Fensterbank hat 30 cm Tiefe, welche Größe?", "de", "EUR")
        is None
    )
    pot = _product(["S", "M"], "Planter.\nS: diameter 28–30 cm\nM: diameter 34–36 cm", "en")
    assert evidence_answer(pot, "my shelf depth is 30 cm, which size?", "en", "EUR") is None


def test_numbers_in_other_units_or_without_a_measure_are_no_evidence() -> None:
    decke = _product(
        ["S", "M"],
        "Tischdecke.\nS: für 4 Personen, 480 g\nM: für 6 Personen, 620 g\nS 60 x 80 cm, M 80 x 120 cm",
    )
    assert evidence(decke, "de") == []
    cloth = _product(
        ["S", "M"], "Tablecloth.\nS: seats 4, 480 g, 25 W\nM: seats 6, 620 g, 500 ml", "en"
    )
    assert evidence(cloth, "en") == []


def test_the_evidence_answers_where_the_chart_readers_read_fewer_sizes() -> None:
    shirt = _product(["S", "M", "L"], "Merino base layer.\nS 88 / M 96 / L 104 cm chest", "en")
    assert reads_more(shirt, "chest", "chest 92 cm, which size?", "en")
    hemd = _product(["S", "M", "L"], "Merino-Shirt.\nBrustumfang: S 88 / M 96 / L 104 cm")
    assert reads_more(hemd, "chest", "Brustumfang 92 cm, welche Größe?", "de")
    full = _product(["S", "M"], "Shirt.\nS: Brust 88–92 cm\nM: Brust 93–97 cm")
    assert not reads_more(full, "chest", "Brust 90 cm, welche Größe?", "de")
    full_en = _product(["S", "M"], "Shirt.\nS: chest 88–92 cm\nM: chest 93–97 cm", "en")
    assert not reads_more(full_en, "chest", "chest 90 cm, which size?", "en")
