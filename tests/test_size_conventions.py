"""Size systems that are a body measure by a published standard (`catalog.size_conventions`):
hat = head circumference in cm, ring = inner circumference in mm (a diameter times pi), collar =
neck in cm or inches, glove = hand circumference in inches (EN ISO 21420), jeans W/L in inches,
bra band and cup (EN 13402), socks by the shoe size of the foot length; read only from products
whose own values are in that system, and never when the product's text charts that measure. The
reply says it follows the standard (`actions.size_convention_answer`)."""

from __future__ import annotations

import pytest

from actions import size_convention_answer
from actions.size_convention_answer import convention_answer
from catalog.measurements import find_measurements
from catalog.models import Product
from catalog.size_chart import chart
from catalog.size_conventions import convention, systems


def _product(
    title: str, options: dict[str, list[str]], lang: str = "de", description: str = ""
) -> Product:
    combos: list[dict[str, str]] = [{}]
    for name, values in options.items():
        combos = [{**c, name: v} for c in combos for v in values]
    variants = [
        {"sku": f"p-{i}", "options": c, "price": 10.0, "stock": 5} for i, c in enumerate(combos)
    ]
    return Product.parse_obj({"id": "p", "title": {lang: title}, "category": "fashion", "description": {lang: description},
                              "option_names": list(options), "variants": variants})  # fmt: skip


def _size(
    product: Product, question: str, lang: str
) -> tuple[str, dict[str, str], dict[str, str]] | None:
    found = convention(product, find_measurements(question), lang)
    return (found.size, found.offered, found.nearest) if found else None


def test_hat_size_is_the_head_circumference_in_cm() -> None:
    de = _product("Filzhut Alpin", {"Größe": ["55", "56", "57", "58", "59"]})
    assert _size(de, "Kopfumfang 57 cm, welche Größe?", "de") == ("57", {"Größe": "57"}, {})
    en = _product("Wool Felt Hat", {"Size": ["55", "56", "57", "58"]}, "en")
    assert _size(en, "my head is 22.5 inches around", "en") == ("57", {"Size": "57"}, {})  # 57.2 cm
    assert _size(en, "head circumference 61 cm", "en") == ("61", {}, {"Size": "58"})


def test_ring_size_is_the_inner_circumference_in_mm() -> None:
    de = _product("Stapelring Silber", {"Ringgröße": ["50", "52", "54", "56"]})
    assert _size(de, "Innendurchmesser 17,2 mm – welche Größe?", "de") == (
        "54",
        {"Ringgröße": "54"},
        {},
    )  # 17.2 × π = 54
    en = _product("Signet ring", {"Size": ["50", "52", "54", "56"]}, "en")
    assert _size(en, "My finger measures 52 mm around", "en") == ("52", {"Size": "52"}, {})
    earrings = _product("Creolen Ohrringe", {"Größe": ["50", "52"]})
    assert systems(earrings) == {}
    assert systems(_product("Ehering Gold 585", {"Größe": ["52", "54"]})) == {
        "Größe": "ring"
    }  # a compound among jewellery words
    assert (
        systems(_product("Touring Softshell Trousers", {"Size": ["48", "50", "52"]}, "en")) == {}
    )  # "touring" is no ring


def test_a_merchants_ring_chart_is_no_question_measure() -> None:
    en = _product(
        "Signet ring",
        {"Size": ["62 – Ø 19,7 mm", "64 – Ø 20,4 mm"]},
        "en",
        "Sizes = inner circumference in mm.",
    )
    assert {r.measure for r in chart(en, "en")} <= {
        None
    }  # the text's diameters are not read as a finger measure
    assert find_measurements("Her ring has an inner circumference of 54 mm")[0].measure == "finger"
    assert find_measurements("Ringumfang innen 54 mm, welche Größe?")[0].measure == "finger"


def test_collar_size_is_the_neck_in_cm_or_inches() -> None:
    de = _product("Businesshemd Slim", {"Kragenweite": ["37/38", "39/40", "41/42", "43/44"]})
    assert _size(de, "Halsumfang 41", "de") == ("41/42", {"Kragenweite": "41/42"}, {})
    en = _product("Oxford Shirt", {"Collar": ["15", "15.5", "16", "16.5"]}, "en")
    assert _size(en, "my neck is 41 cm", "en") == ("16", {"Collar": "16"}, {})
    tee = _product(
        "T-Shirt Basic", {"Größe": ["46", "48", "50", "52"]}
    )  # clothing sizes, no collar
    assert systems(tee) == {}


def test_glove_size_is_the_hand_circumference_in_inches() -> None:
    de = _product("Lederhandschuhe", {"Größe": ["7", "7,5", "8", "8,5", "9"]})
    assert _size(de, "Handumfang 20 cm", "de") == ("8", {"Größe": "8"}, {})  # 7.87 in
    en = _product("Work gloves", {"Size": ["7", "8", "9", "10"]}, "en")
    assert _size(en, "hand 23 cm around the palm", "en") == ("9", {"Size": "9"}, {})


def test_jeans_w_and_l_are_inches() -> None:
    en = _product(
        "Slim Jeans", {"Waist": ["W30", "W31", "W32", "W33"], "Length": ["L30", "L32", "L34"]}, "en"
    )
    assert _size(en, "waist 81 cm, inside leg 82 cm", "en") == (
        "W32 L32",
        {"Waist": "W32", "Length": "L32"},
        {},
    )
    de = _product("Jeans Hafen", {"Größe": ["W30/L32", "W32/L32", "W32/L34", "W34/L34"]})
    assert _size(de, "Taille 86 cm und Schrittlänge 86 cm", "de") == (
        "W34 L34",
        {"Größe": "W34/L34"},
        {},
    )


def test_bra_band_and_cup() -> None:
    de = _product("Spitzen-BH", {"Größe": ["70A", "75A", "75B", "75C", "80B"]})
    assert _size(de, "Unterbrust 74, Oberweite 90", "de") == (
        "75C",
        {"Größe": "75C"},
        {},
    )  # 16 cm: C
    en = _product("Lace bra", {"Size": ["B 70", "B 75", "B 80"]}, "en")
    assert _size(en, "underbust 78 cm, bust 92 cm", "en") == (
        "80B",
        {"Size": "B 80"},
        {},
    )  # 14 cm: B
    assert _size(en, "underbust 74 cm, bust 93 cm", "en") == ("75D", {}, {"Size": "B 75"})


def test_socks_by_the_shoe_size_of_the_foot() -> None:
    de = _product("Wollsocken 2er-Pack", {"Größe": ["35–38", "39–42", "43–46"]})
    assert _size(de, "Fußlänge 26 cm", "de") == ("41", {"Größe": "39–42"}, {})
    en = _product("Hiking socks", {"Size": ["35/38", "39/42", "43/46"]}, "en")
    assert _size(en, "foot length 28.5 cm", "en") == ("45", {"Size": "43/46"}, {})


def test_the_products_own_chart_wins() -> None:
    en = _product("Wool Felt Hat", {"Size": ["56", "58"]}, "en")
    assert convention(en, find_measurements("head 57 cm"), "en", charted={"head"}) is None
    de = _product(
        "Filzhut",
        {"Größe": ["M", "L"]},
        "de",
        "Größe M passt bei 55–56 cm, L bei 57–58 cm Kopfumfang.",
    )
    assert (
        convention(de, find_measurements("Kopfumfang 57 cm"), "de") is None
    )  # letters: only the text maps them


@pytest.fixture
def stock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        size_convention_answer,
        "availability",
        lambda product, asked, lang: (f"[{asked[0].wanted}]", [product.id]),
    )


def test_the_reply_says_it_follows_the_standard(stock: None) -> None:
    de = _product("Businesshemd", {"Kragenweite": ["39/40", "41/42"]})
    said = convention_answer(de, find_measurements("Halsumfang 41 cm"), "de")
    assert (
        said
        and said[0].startswith(
            "Nach der üblichen Größenumrechnung (Kragenweite = Halsumfang in cm)"
        )
        and "[41/42]" in said[0]
    )
    en = _product("Lace bra", {"Size": ["70A", "75A"]}, "en")
    said = convention_answer(en, find_measurements("underbust 74 cm, bust 90 cm"), "en")
    assert said and said[0].startswith("By the standard sizing (EN 13402") and "75C" in said[0]
    assert "does not come in that size; the nearest is 75A" in said[0] and "[75A]" in said[0]
