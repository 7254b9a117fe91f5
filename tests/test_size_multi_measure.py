"""Several measures and measured options: each number belongs to the measure word right after it,
a table of several size series (normal, short, long) gives the size fitting every measure, the short
and long sizes a table of normal sizes leaves out, the series a height falls into with the usual
size in it, and a related length on a product sold by a measure (never "if you usually wear 2,47 m")."""

from __future__ import annotations

import pytest

from actions.size_chart_answer import chart_answer
from actions.size_measure import measurements
from actions.size_option_measure import option_measure_answer
from actions.size_series_answer import series_answer
from catalog.measurements import find_measurements
from catalog.models import Product
from catalog.option_measures import measured_pick, use_pick
from catalog.size_chart import charted_measure
from catalog.size_series import series_heights, series_size


def _product(option: str, values: list[str], description: str, lang: str) -> Product:
    variants = [
        {"sku": f"p-{i}", "size": v, "options": {option: v}, "price": 50.0, "stock": 5}
        for i, v in enumerate(values)
    ]
    return Product.parse_obj({"id": "p", "title": {lang: "Produkt"}, "category": "clothing", "description": {lang: description},
                              "option_names": [option], "size_option": option, "variants": variants})  # fmt: skip


@pytest.mark.parametrize(
    ("question", "want"),
    [
        (
            "Ich habe 96 cm Bundumfang und 81 cm Schrittlänge, welche Größe?",
            [("waist", 96.0), ("inside_leg", 81.0)],
        ),
        (
            "I have a 96 cm waist and an 81 cm inside leg. Which size?",
            [("waist", 96.0), ("inside_leg", 81.0)],
        ),
        (
            "Taille 68 cm Hüfte 95 cm",
            [("waist", 68.0), ("hip", 95.0)],
        ),  # a number after its word stays its own
        ("Waist 70 cm, hips 97 cm", [("waist", 70.0), ("hip", 97.0)]),
    ],
)
def test_each_number_belongs_to_the_measure_word_after_it(
    question: str, want: list[tuple[str, float]]
) -> None:
    assert [(m.measure, m.cm) for m in find_measurements(question)] == want


SERIES_TABLE = {
    "de": """Arbeitshose in Normal-, Kurz- und Langgrößen.
Größe Bundumfang Schrittlänge
48 88 cm 80 cm
50 92 cm 81 cm
52 96 cm 82 cm
24 92 cm 75 cm
25 96 cm 76 cm
100 92 cm 88 cm
104 96 cm 89 cm
Liegt Ihr Bund zwischen zwei Größen, nehmen Sie die größere.""",
    "en": """Work trousers in regular, short and long sizes.
Size Waist Inside leg
48 88 cm 80 cm
50 92 cm 81 cm
52 96 cm 82 cm
24 92 cm 75 cm
25 96 cm 76 cm
100 92 cm 88 cm
104 96 cm 89 cm
Between two sizes, take the larger one.""",
}
SERIES_SIZES = ["48", "50", "52", "24", "25", "100", "104"]


@pytest.mark.parametrize(
    ("lang", "question", "want", "wrong"),
    [
        ("de", "Bundumfang 96 cm, Schrittlänge 76 cm – welche Größe?", "Größe 25", "104"),
        ("de", "Ich habe 92 cm Bundumfang und 88 cm Schrittlänge.", "Größe 100", "Größe 50"),
        ("en", "Waist 96 cm and inside leg 82 cm, which size?", "size 52", "104"),
        ("en", "My waist is 92 cm, inside leg only 75 cm.", "size 24", "100"),
    ],
)
def test_a_table_of_several_series_gives_the_size_that_fits_every_measure(
    lang: str, question: str, want: str, wrong: str
) -> None:
    product = _product("Größe", SERIES_SIZES, SERIES_TABLE[lang], lang)
    answer = chart_answer(product, find_measurements(question), question, lang, "EUR")
    assert answer is not None and want in answer and wrong not in answer, answer


NORMAL_TABLE = {
    "de": """Bundhose mit Stretch.
Größe Bundumfang Schrittlänge
48 86 cm 81 cm
50 90 cm 82 cm
52 94 cm 83 cm
54 98 cm 84 cm
Kurzgrößen 24–27 haben den Bund der Größen 48–54, die Schrittlänge ist 6 cm kürzer.
Langgrößen 98–106 haben den Bund der Größen 49–53 und 7 cm längere Beine.""",
    "en": """Stretch trousers.
Size Waist Inside leg
48 86 cm 81 cm
50 90 cm 82 cm
52 94 cm 83 cm
54 98 cm 84 cm
Short sizes 24–27 have the waist of sizes 48–54 with an inside leg 6 cm shorter.
Long sizes 98–106 have the waist of sizes 49–53 with a leg 7 cm longer.""",
}


@pytest.mark.parametrize(
    ("lang", "question", "want"),
    [
        ("de", "Bundumfang 90 cm und Schrittlänge 76 cm, welche Größe?", "Größe 25"),
        ("en", "Waist 98 cm, inside leg 78 cm. Which size?", "size 27"),
        ("en", "Waist 94 cm, inside leg 83 cm. Which size?", "size 52"),
        (
            "de",
            "Bundumfang 88 cm, Schrittlänge 81 cm?",
            "empfehle Größe 50",
        ),  # no size fits both: the normal sizes' rules
        ("en", "Waist 92 cm, inside leg 82 cm?", "recommend size 52"),
    ],
)
def test_short_sizes_the_table_leaves_out_come_from_the_normal_size_and_the_texts_offset(
    lang: str, question: str, want: str
) -> None:
    product = _product(
        "Größe",
        ["48", "50", "52", "54", "24", "25", "26", "27", "98", "102", "106"],
        NORMAL_TABLE[lang],
        lang,
    )
    answer = chart_answer(product, find_measurements(question), question, lang, "EUR")
    assert answer is not None and want in answer, answer


HEIGHTS = {
    "de": "Latzhose. Körpergröße als Richtwert: Normalgrößen für 172–190 cm, Kurzgrößen für 158–170 cm.",
    "en": "Dungarees. As a guide to height: normal sizes for 172–190 cm, short sizes for 158–170 cm.",
}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_series_a_height_falls_into(lang: str) -> None:
    spans = series_heights([HEIGHTS[lang]])
    assert {k: v[:2] for k, v in spans.items()} == {
        "normal": (172.0, 190.0),
        "short": (158.0, 170.0),
    }
    offered = ["46", "48", "50", "23", "24", "25"]
    assert series_size("48", "short", offered) == "24"
    assert series_size("50", "normal", offered) == "50"
    assert series_size("46", "long", offered) is None  # 92 is not offered


@pytest.mark.parametrize(
    ("lang", "height", "usual", "want"),
    [
        ("de", 163, "50", "Größe 25"),
        ("de", 180, "48", "Größe 48"),
        ("en", 165, "48", "size 24"),
        ("en", 171, "48", None),
    ],
)
def test_height_and_usual_size_give_the_size_in_the_series(
    test_catalog, lang: str, height: float, usual: str, want: str | None
) -> None:
    product = _product("Größe", ["46", "48", "50", "23", "24", "25"], HEIGHTS[lang], lang)
    said = series_answer(product, height, usual, "Größe", lang)
    if want is None:  # between the series' heights: no series, the usual-size answer follows
        assert said is None
    else:
        assert said is not None and want in said[0], said


CURTAIN = {
    "de": "Vorhang mit Ösen. Messen Sie von der Stange bis zum Boden und ziehen Sie 3 cm ab.",
    "en": "Eyelet curtain. Measure from the rail to the floor and subtract 3 cm.",
}
PAN = {
    "de": "Bratpfanne aus Stahl. Durchmesser 26 cm (Boden 19 cm) oder 30 cm (Boden 23 cm).",
    "en": "Steel frying pan.\nDiameter Base Weight\n22 cm 16 cm 1,2 kg\n26 cm 19 cm 1,6 kg\n30 cm 23 cm 2,1 kg",
}


@pytest.mark.parametrize(
    ("lang", "text", "values", "question", "how", "want"),
    [
        (
            "de",
            CURTAIN["de"],
            ["160 cm", "225 cm", "255 cm"],
            "Meine Stange hängt auf 2,28 m. Welche Länge?",
            "rule",
            "225 cm",
        ),
        (
            "en",
            CURTAIN["en"],
            ["160 cm", "225 cm", "255 cm"],
            "The rail is 258 cm above the floor, which length?",
            "rule",
            "255 cm",
        ),
        (
            "de",
            PAN["de"],
            ["26 cm", "30 cm"],
            "Meine Herdplatte hat 23 cm Durchmesser. Welche Größe?",
            "paired",
            "30 cm",
        ),
        (
            "en",
            PAN["en"],
            ["22 cm", "26 cm", "30 cm"],
            "My hob ring is 19 cm across. Which size?",
            "paired",
            "26 cm",
        ),
        (
            "en",
            PAN["en"],
            ["22 cm", "26 cm", "30 cm"],
            "My hob is 27 cm wide, which pan?",
            "nearest",
            "26 cm",
        ),
    ],
)
def test_a_related_length_on_a_product_sold_by_a_measure(
    lang: str, text: str, values: list[str], question: str, how: str, want: str
) -> None:
    product = _product(
        "Länge" if "Vorhang" in text or "curtain" in text else "Durchmesser", values, text, lang
    )
    pick = measured_pick(product, question, lang)
    assert pick is not None and (pick.how, pick.value) == (how, want), pick


@pytest.mark.parametrize("lang", ["de", "en"])
def test_an_offered_value_or_a_persons_height_is_no_related_length(lang: str) -> None:
    product = _product("Länge", ["160 cm", "225 cm", "255 cm"], CURTAIN[lang], lang)
    assert (
        measured_pick(
            product, "Gibt es den in 225 cm?" if lang == "de" else "Do you have it in 225 cm?", lang
        )
        is None
    )
    assert (
        measured_pick(product, "Ich bin 1,80 m groß" if lang == "de" else "I'm 180 cm tall", lang)
        is None
    )


@pytest.mark.parametrize(
    ("lang", "question", "want"),
    [("de", "Meine Stange hängt auf 2,28 m. Welche Länge brauche ich?", "empfehle Länge 225 cm"),
     ("en", "My rail is at 2.58 m, which length do I need?", "recommend Länge 255 cm")],
)  # fmt: skip
def test_the_answer_quotes_the_rule_and_never_takes_the_length_for_a_usual_size(
    test_catalog, lang: str, question: str, want: str
) -> None:
    product = _product("Länge", ["160 cm", "225 cm", "255 cm"], CURTAIN[lang], lang)
    said = option_measure_answer(product, question, lang)
    assert said is not None and want in said[0] and "3 cm" in said[0], said
    assert "sonst" not in said[0] and "usually" not in said[0]


SHIRT = {
    "de": "Schweres T-Shirt.\nGröße S M L XL\nBrustweite (liegend) 48 cm 51 cm 54 cm 57 cm\nLänge 68 cm 70 cm 72 cm 74 cm",
    "en": "Heavy tee.\nSize S M L XL\nChest width (flat) 48 cm 51 cm 54 cm 57 cm\nLength 68 cm 70 cm 72 cm 74 cm",
}


@pytest.mark.parametrize(
    ("lang", "question", "want"),
    [
        ("de", "Das Shirt soll etwa 72 cm lang sein. Welche Größe?", "Größe L"),
        ("en", "I want it about 70 cm long, which size?", "size M"),
    ],
)
def test_a_garment_length_reads_the_tables_length_not_the_chest(
    lang: str, question: str, want: str
) -> None:
    product = _product("Größe", ["S", "M", "L", "XL"], SHIRT[lang], lang)
    found = measurements(product, question, lang)
    assert [m.measure for m in found] == ["length"]
    answer = chart_answer(product, found, question, lang, "EUR")
    assert answer is not None and want in answer, answer
    assert (
        charted_measure(product, lang, 54) == "chest"
    )  # a bare number still reads the body measure


USES = {
    "de": "Messen Sie die Fensterhöhe. Für kleine Fenster empfehlen wir 120 cm, für Balkontüren 220 cm.",
    "en": "We recommend 120 cm for small windows and 220 cm for balcony doors.",
}


@pytest.mark.parametrize(
    ("lang", "question", "want"),
    [
        ("de", "Welche Länge für eine Balkontür?", "220 cm"),
        ("en", "Which length for a small window?", "120 cm"),
        ("en", "Which length?", None),
    ],
)
def test_the_value_the_text_names_for_the_use_the_question_names(
    lang: str, question: str, want: str | None
) -> None:
    product = _product("Länge", ["120 cm", "220 cm"], USES[lang], lang)
    pick = use_pick(product, question, lang)
    assert (pick.value if pick else None) == want, pick


@pytest.mark.parametrize(
    ("lang", "question"),
    [
        ("de", "Meine Matratze ist mit Topper 32 cm hoch. Welches Laken?"),
        ("en", "Do you have the sheet for a 40 cm boxspring?"),
    ],
)
def test_sizes_with_ranges_are_no_option_sold_by_one_length(lang: str, question: str) -> None:
    sheet = _product(
        "Größe",
        ["90–100 × 190–200 cm", "140–160 × 200 cm"],
        "Spannbettlaken für Matratzen bis 35 cm Höhe.",
        lang,
    )
    assert measured_pick(sheet, question, lang) is None


def test_one_measure_in_a_table_of_several_series_stays_in_one_series():
    from catalog.size_chart import ChartRow
    from catalog.size_series import one_series

    def row(size: str, low: float, high: float) -> ChartRow:
        return ChartRow(size, "Größe", low, high, "waist", size)

    rows = [row("50", 90, 93), row("52", 94, 97), row("54", 98, 101), row("26", 94, 97), row("102", 90, 93), row("106", 94, 97)]
    assert {r.size for r in one_series(rows, "waist")} == {"50", "52", "54"}  # the normal sizes, the longest run
    assert {r.size for r in one_series(rows, "waist", "106")} == {"102", "106"}  # "Passt 106 bei 94 cm?"
    letters = [ChartRow("M", "Größe", 94, 97, "waist", "M"), ChartRow("L", "Größe", 98, 101, "waist", "L")]
    assert one_series(letters, "waist") == letters
