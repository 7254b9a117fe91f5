"""A size run written with its unit ("55 cm" … "62 cm", a hat's head size) steps like plain
numbers: the merchant's "eine Nummer größer bestellen als Ihr gemessener Kopfumfang" turns 57 cm
into 58 cm; a value in another unit or prefix is not of the run (DE/EN)."""

from __future__ import annotations

import re

import pytest

from actions.sizing import ActionAnswerSize
from catalog.sizes import step_value
from tests.test_need_answers import page_asker
from tests.test_size_written_tables import _product

_HATS = ["55 cm", "56 cm", "57 cm", "58 cm", "59 cm"]


def test_a_run_with_its_unit_steps() -> None:
    assert step_value(_HATS, "57 cm", 1) == "58 cm"
    assert step_value(_HATS, "57 cm", -1) == "56 cm"
    assert step_value(_HATS, "59 cm", 1) == "59 cm"  # the end of the run
    assert step_value(["40 mm", "57 cm", "58 cm"], "40 mm", 1) == "40 mm"  # another unit is no next size


@pytest.fixture
def ask(run_action, monkeypatch):  # noqa: ANN001, ANN201
    page = page_asker(run_action, monkeypatch)
    return lambda product, question, lang: page(ActionAnswerSize(), product, question, lang)


def test_the_merchants_step_from_the_measured_head(ask) -> None:  # noqa: ANN001
    for lang, text, question in (
        ("de", "Tweedmütze. Fällt klein aus – bitte eine Nummer größer bestellen als Ihr gemessener Kopfumfang.",
         "Ich trage sonst 57 cm. Welche Größe soll ich bestellen?"),
        ("en", "Tweed cap. Runs small – please order one size larger than your usual size.", "I usually wear 57 cm, which size?"),
    ):
        reply = ask(_product({"Kopfweite": _HATS}, text, lang), question, lang)
        assert re.search(r"\b58 cm\b", reply), reply
