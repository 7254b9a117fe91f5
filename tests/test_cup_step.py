"""The merchant's step of the cup alone ("bitte eine Cupgröße größer bestellen als üblich
(normalerweise 75B → hier 75C)", "choose one cup size larger than you measure"): 75B -> 75C with
the band kept; a conversion rule or a sister size is no step (DE/EN)."""

from __future__ import annotations

import re

import pytest

from actions.sizing import ActionAnswerSize
from catalog.cup_step import cup_step, moved_cup
from tests.test_need_answers import page_asker
from tests.test_size_written_tables import _product

_SIZES = ["70B", "75B", "75C", "80C", "80D"]


def test_a_cup_step_in_german_and_english() -> None:
    for lang, text in (("de", "Bügel-BH aus Spitze. Die Cups fallen klein aus – bitte eine Cupgröße größer bestellen als üblich."),
                       ("en", "Lace nursing bra. For the first weeks, choose one cup size larger than you measure in pregnancy."),
                       ("de", "Still-BH. Nehmen Sie für die Stillzeit eine Cupgröße mehr.")):
        step = cup_step(_product({"Größe": _SIZES}, text, lang), lang)
        assert step is not None and step[0] == 1, (text, step)
    down = cup_step(_product({"Größe": _SIZES}, "Soft bra. The cups run large, so take one cup size smaller.", "en"), "en")
    assert down is not None and down[0] == -1


def test_no_step_in_a_rule_or_a_sister_size() -> None:
    for lang, text in (("en", "Cup: every 2 cm more difference is one cup size up (A, B, C, D)."),
                       ("en", "One band size up, one cup size down: the cup volume stays the same."),
                       ("de", "Die Polster vergrößern die Brust optisch um bis zu eine Cupgröße.")):
        assert cup_step(_product({"Größe": _SIZES}, text, lang), lang) is None, text


def test_the_cup_moves_and_the_band_stays() -> None:
    assert moved_cup("75B", 1, _SIZES) == "75C"
    assert moved_cup("80D", 1, _SIZES) == "80E"
    assert moved_cup("80D", 1, ["80D", "80DD", "80E"]) == "80DD"  # a range with double letters
    assert moved_cup("75C", -1, _SIZES) == "75B"
    assert moved_cup("M", 1, ["S", "M", "L"]) is None


@pytest.fixture
def ask(run_action, monkeypatch):  # noqa: ANN001, ANN201
    """ask(product, question, lang) -> the size answer on the product's page."""
    page = page_asker(run_action, monkeypatch)
    return lambda product, question, lang: page(ActionAnswerSize(), product, question, lang)


def test_the_usual_bra_size_gets_the_cup_step_on_the_page(ask) -> None:  # noqa: ANN001
    text = "Bügel-BH aus Spitze. Die Cups fallen klein aus – bitte eine Cupgröße größer bestellen als üblich."
    for lang, question in (("de", "Ich trage normalerweise 75B. Welche Größe?"), ("en", "My usual size is 75B – what should I order?")):
        reply = ask(_product({"Größe": _SIZES}, text, lang), question, lang)
        assert re.search(r"\b75C\b", reply) and "Cupgröße größer" in reply, reply


_NURSING = {
    "de": "Still-BH aus Baumwolle. Für die ersten Wochen des Stillens nehmen Sie eine Cupgröße mehr; die Unterbrustweite bleibt gleich.\n"
          "Band: Unterbrust 68–72 cm = 70, 73–77 cm = 75, 78–82 cm = 80.\nCup (Brust minus Unterbrust): ca. 15 cm = B, ca. 17 cm = C, ca. 19 cm = D.",
    "en": "Cotton nursing bra. For the first weeks of breastfeeding, choose one cup size larger; keep the band size.\n"
          "Band: underbust 68–72 cm = 70, 73–77 cm = 75, 78–82 cm = 80.\nCup (bust minus underbust): approx. 15 cm = B, 17 cm = C, 19 cm = D.",
}


def test_cups_charted_by_one_difference_each_and_the_cup_step(ask) -> None:  # noqa: ANN001
    from catalog.bra_chart import bra_chart

    for lang, question in (("de", "Unterbrust 79 cm, Brustumfang 96 cm – welche Größe?"), ("en", "underbust 79 cm, bust 96 cm, which size?")):
        product = _product({"Band": ["70", "75", "80"], "Cup": ["B", "C", "D"]}, _NURSING[lang], lang).copy(update={"description": _NURSING})
        chart = bra_chart(product, lang)
        assert chart is not None and [(c.value, c.low, c.high) for c in chart.cups] == [("B", 14, 16), ("C", 16, 18), ("D", 18, 20)]
        reply = ask(product, question, lang)
        assert re.search(r"\b80D\b", reply) and re.search(r"cup C\b", reply, re.I), reply
        assert ("Cupgröße mehr" if lang == "de" else "one cup size larger") in reply, reply  # 17 cm gives C, the merchant's step D
