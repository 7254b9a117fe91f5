"""A length the merchant writes as arithmetic on the height: a span below or above it, or a
factor rounded to a step; German and English."""

from __future__ import annotations

import pytest

from actions.size_formula import formula_answer
from catalog.length_formula import length_rule, pick
from catalog.measurements import find_measurements
from catalog.models import Product


def _product(lengths: list[str], description: str, lang: str) -> Product:
    option = "Länge" if lang == "de" else "Length"
    variants = [
        {"sku": f"p-{i}", "size": v, "options": {option: v}, "price": 50.0, "stock": 5}
        for i, v in enumerate(lengths)
    ]
    return Product.parse_obj({"id": "p", "title": {lang: "Produkt"}, "category": "ski", "description": {lang: description},
                              "option_names": [option], "size_option": option, "variants": variants})  # fmt: skip


SKI = ["150 cm", "157 cm", "164 cm", "171 cm", "178 cm", "185 cm"]
POLES = ["110 cm", "115 cm", "120 cm", "125 cm", "130 cm"]


@pytest.mark.parametrize(
    ("sentence", "height", "want"),
    [
        ("Länge: Körpergröße minus 5 bis 10 cm.", 180, ["171 cm"]),
        ("Length: your height minus 5 to 10 cm.", 188, ["178 cm"]),
        ("Wählen Sie den Ski 10–15 cm kürzer als Ihre Körpergröße.", 172, ["157 cm"]),
        ("Pick a ski 10 to 15 cm shorter than your height.", 183, ["171 cm"]),
        ("Langlauf: Körpergröße plus 5 cm.", 166, ["171 cm"]),
    ],
)
def test_a_span_below_or_above_the_height(sentence: str, height: float, want: list[str]) -> None:
    rule = length_rule(["Leichter Ski.", sentence])
    assert rule is not None and rule.sentence == sentence
    assert pick({v: float(v.split()[0]) for v in SKI}, *rule.target(height)) == want


@pytest.mark.parametrize(
    ("sentence", "height", "want"),
    [
        (
            "Die richtige Stocklänge: Körpergröße × 0,7, auf die nächste 5-cm-Stufe gerundet.",
            175,
            "125 cm",
        ),
        (
            "Die richtige Stocklänge: Körpergröße × 0,7, auf die nächste 5-cm-Stufe gerundet.",
            168,
            "120 cm",
        ),
        ("Pole length: height x 0.7, rounded to the nearest 5 cm.", 182, "125 cm"),
        ("Pole length: height x 0.68, in 5 cm steps.", 160, "110 cm"),
        # the merchant's way of rounding: down ("abgerundet") or up, not to the nearest
        ("Stocklänge: Körpergröße mal 0,7, auf 5 cm abgerundet.", 178, "120 cm"),
        ("Walking poles: height times 0.68, rounded down to 5 cm.", 190, "125 cm"),
        ("Walking poles: height times 0.68, rounded up to the nearest 5 cm.", 172, "120 cm"),
        ("Stablänge = Körpergröße x 0,7 – immer auf volle 5 cm aufgerundet.", 166, "120 cm"),
    ],
)
def test_a_factor_rounded_to_a_step(sentence: str, height: float, want: str) -> None:
    rule = length_rule([sentence])
    assert rule is not None
    assert pick({v: float(v.split()[0]) for v in POLES}, *rule.target(height)) == [want]


def test_no_rule_in_a_plain_text_or_a_size_table() -> None:
    assert (
        length_rule(
            ["Körpergröße 170–180 cm: Größe M.", "For heights of 160 to 170 cm take size S."]
        )
        is None
    )


@pytest.mark.parametrize(
    ("lang", "text", "question", "want"),
    [
        (
            "de",
            "Tourenski. Länge: Körpergröße minus 5 bis 10 cm.",
            "Ich bin 180 cm groß, welche Länge?",
            "Ich empfehle Länge 171 cm",
        ),
        (
            "en",
            "Touring ski. Length: your height minus 5 to 10 cm.",
            "I'm 5'10\". What length?",
            "I recommend Length 171 cm",
        ),
    ],
)
def test_the_answer_recommends_the_stocked_length(
    lang: str, text: str, question: str, want: str
) -> None:
    product = _product(SKI, text, lang)
    answer = formula_answer(product, find_measurements(question, default="?")[0], lang, "EUR")
    assert answer is not None and want in answer
    assert "minus 5" in answer  # the merchant's rule is quoted
