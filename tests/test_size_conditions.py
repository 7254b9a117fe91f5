"""The merchant's one-size step for a condition the shopper states (something worn underneath,
a sturdy or a slim build), matched by kind across German and English, and the merchant's plain
step from the usual size on sizes read by the usual rule (kids' sizes are the height)."""

from __future__ import annotations

import re

from actions.size_chart_answer import chart_answer
from catalog.measurements import Measurement
from catalog.size_conditions import condition_step
from tests.test_size_written_tables import _product

_KIDS = ["98/104", "110/116", "122/128", "134/140"]
_CHART_DE = "Größen / Körpergröße: 98/104 = 93–104 cm | 110/116 = 105–116 cm | 122/128 = 117–128 cm | 134/140 = 129–140 cm"
_CHART_EN = "Sizes / height: 98/104 = 93–104 cm | 110/116 = 105–116 cm | 122/128 = 117–128 cm | 134/140 = 129–140 cm"


def _answer(description: str, lang: str, question: str, cm: float, fit_notes: str = "") -> str:
    product = _product({"Größe" if lang == "de" else "Size": _KIDS}, description, lang)
    if fit_notes:
        product = product.copy(update={"fit_notes": {lang: fit_notes}})
    return chart_answer(product, [Measurement("height", cm)], question, lang, "EUR") or ""


def _stepped(said: str, size: str) -> bool:
    return re.search(rf"(?:empfehle ich|recommend) (?:daher )?\w+ {re.escape(size)}\b", said) is not None


def test_a_layer_underneath_steps_up_in_either_language() -> None:
    de = f"Regenhose.\nWenn eine Fleecehose darunter soll, bitte eine Größe größer wählen.\n{_CHART_DE}"
    en = f"Rain trousers.\nIf a fleece layer goes underneath, please choose one size up.\n{_CHART_EN}"
    assert _stepped(_answer(de, "en", "She is 110 cm and will wear fleece trousers under them.", 110), "122/128")
    assert _stepped(_answer(en, "de", "Sie ist 110 cm und trägt eine Fleecehose drunter.", 110), "122/128")
    plain = _answer(de, "de", "Sie ist 110 cm.", 110)
    assert "Deshalb" not in plain and "Größe 110/116: " in plain
    assert not _stepped(_answer(en, "en", "She is 110 cm, no fleece underneath.", 110), "122/128")  # negated


def test_a_build_steps_up_or_down_as_the_merchant_says() -> None:
    de = f"Shirt.\nBei kräftigeren Kindern eine Größe größer, bei schmalen Kindern lieber eine Größe kleiner wählen.\n{_CHART_DE}"
    assert condition_step(_product({"Größe": _KIDS}, de), "de", "eher kräftig gebaut") == (1, de.split("\n")[1])
    en_notes = "For slim children choose one size down."
    assert _stepped(_answer(f"Shirt.\n{_CHART_EN}", "en", "She is 112 cm and very petite.", 112, en_notes), "98/104")
    assert _stepped(_answer(f"Shirt.\n{_CHART_EN}", "de", "Sie ist 112 cm und sehr zierlich.", 112, en_notes), "98/104")
    assert condition_step(_product({"Größe": _KIDS}, "Fällt schmal aus – eine Größe größer."), "de", "sie ist sehr schlank") is None  # the cut


def test_the_plain_step_applies_on_sizes_read_by_the_usual_rule() -> None:
    for lang, text, question in (("de", "Strampler.\nAchtung, fällt klein aus! Bitte bestellen Sie eine Größe größer als sonst.", "Er ist 108 cm."),
                                 ("en", "Romper.\nRuns small: please order one size larger than usual.", "He is 108 cm.")):
        assert _stepped(_answer(text, lang, question, 108), "122/128")
    charted = _answer(f"Strampler.\nBitte bestellen Sie eine Größe größer als sonst.\n{_CHART_DE}", "de", "Er ist 108 cm.", 108)
    assert not _stepped(charted, "122/128")  # the merchant's own chart already is the size for that height
