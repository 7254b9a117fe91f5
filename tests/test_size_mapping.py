"""The product text's own mapping of its sizes to another system (catalog/size_mapping.py), read
for a usual size the shopper gives in that system (actions/size_advice.py: mapped_usual).
Made-up products, German and English."""

from __future__ import annotations

import pytest

from actions.size_advice import USUAL, usual_in_product_system
from catalog.size_mapping import mapped_size, mappings, said_size
from tests.test_variants import optioned

LETTERS = ["XS", "S", "M", "L", "XL"]


def _product(values: list[str], text: dict[str, str], option: str = "Größe"):
    p = optioned("made-up", (option,), [(v, 2) for v in values], size_option=option)
    p.description = text
    return p


def _size(lines: str, values: list[str], question: str) -> str | None:
    found = mapped_size(lines.splitlines(), values, question)
    return found[0] if found else None


@pytest.mark.parametrize(
    ("lines", "question", "size"),
    [
        ("Größen: XS = 32, S = 34/36, M = 38/40, L = 42/44, XL = 46.", "Ich trage sonst 40, welche Größe?", "M"),
        ("Sizes: S (34/36), M (38/40), L (42/44)", "I usually wear a 36", "S"),
        ("Passform: S entspricht 34–36, M entspricht 38–40, L entspricht 42–44.", "Ich trage 39", "M"),
        ("Sizing: S = UK 6–8 / EU 34–36, M = UK 10–12 / EU 38–40.", "I'm a UK 12, which size?", "M"),
        ("Sizing: S = UK 6–8 / EU 34–36, M = UK 10–12 / EU 38–40.", "Ich trage EU 36, welche Größe?", "S"),
        ("XS: 65B, 70A\nS: 70B, 70C, 75A\nM: 75B, 75C, 80A", "I wear 70C, which size?", "S"),
        ("Größe nach BH-Größe: S = 65A–70B, M = 70C, 75A–75B, L = 75C–80B", "Ich trage normalerweise 75B", "M"),
        ("Size S fits 65–70 A–C, M fits 75–80 B–D.", "My usual bra size is 80B. Which size?", "M"),
        ("Hemdgröße L entspricht Kragenweite 41/42, XL entspricht Kragenweite 43/44.", "Ich habe Kragenweite 43, welche Größe?", "XL"),
        ("Trägt man über Skihandschuhen: S passt über Handschuhe S–M, M über L–XL.", "Meine Handschuhe sind XL, welche Größe?", "M"),
        ("Größe Halsumfang entspricht\n37/38 37–38 cm S\n39/40 39–40 cm M\n41/42 41–42 cm L", "Ich trage sonst M. Welche Größe?", "39/40"),
    ],
)
def test_a_usual_size_in_the_other_system_gives_the_mapped_size(lines, question, size):
    values = ["37/38", "39/40", "41/42"] if "37/38" in lines else LETTERS
    assert _size(lines, values, question) == size


def test_what_maps_to_no_size_or_to_several_gives_none():
    lines = "Size S fits 70–75 B–D, M fits 75–80 C–E."
    assert _size(lines, ["S", "M"], "I wear 75C") is None  # in both: no pick
    assert _size(lines, ["S", "M"], "I wear 85F") is None  # in none
    assert _size("S 88–95 cm | M 96–103 cm | L 104–111 cm", ["S", "M", "L"], "Ich trage 96") is None  # a chart in cm maps nothing
    assert _size("Größen: 36 = S, 38 = M", ["36", "38"], "Ich trage 38") is None  # its own size


def test_a_table_row_of_bare_numbers_is_a_chart_not_a_mapping():
    assert mappings(["Größe Brust Taille", "M 96 84", "L 104 92"], ["M", "L"]) == []


def test_the_quoted_line_is_the_sentence_of_the_mapping():
    found = mapped_size(["Weich und leicht. Größen: S = 36, M = 38, L = 40. Handwäsche."], ["S", "M", "L"], "Ich trage 38")
    assert found == ("M", "38", "Größen: S = 36, M = 38, L = 40.")


def test_what_the_shopper_says():
    assert said_size("Ich trage 75C").bra == (75, "C")
    assert said_size("I'm a UK 12").system == "UK"
    assert said_size("Hüfte 96 cm") is None
    assert said_size("I usually wear XL shirts").letter == "XL"


def test_the_merchants_mapping_wins_over_the_general_conversion():
    jacket = _product(LETTERS, {"de": "Leichte Jacke.\nGrößen: XS = 34, S = 36, M = 38, L = 40, XL = 42."})
    found = usual_in_product_system(jacket, "Ich trage normalerweise 40, welche Größe?", "de")
    assert found is not None and found[0] == "L" and "L = 40" in found[1]  # the general rule would say M
    bra = _product(["S", "M", "L"], {"en": "Soft bralette. Sizes by bra size: S = 70A–75A, M = 75B–80A, L = 80B–85B."}, "Size")
    assert usual_in_product_system(bra, "I usually wear 75B, which size?", "en")[0] == "M"
    assert usual_in_product_system(bra, "Is M in stock?", "en") is None  # no usual size given


def test_a_usual_size_named_with_a_kind_of_size():
    assert USUAL.search("Meine normale Schuhgröße ist 43")
    assert USUAL.search("My usual bra size is 70C")


def test_body_measures_without_units_are_a_chart_not_a_mapping():
    lines = ["S: Brust 86 / Hüfte 94", "M: Brust 92 / Hüfte 100", "L: chest 98 / hips 106"]
    assert mappings(lines, ["S", "M", "L"]) == []
    assert said_size("Brust 92, Hüfte 104 cm. Welche Größe?") is None
