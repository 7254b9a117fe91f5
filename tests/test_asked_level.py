"""A question naming a level, mode or setting gets that setting's figure (catalog/asked_level.py,
actions/level_answer.py, through `answer_lines`), not the product's headline value."""

from __future__ import annotations

import pytest

from actions.product_answers import answer_lines
from catalog.asked_level import asked_level
from tests.conftest import FIXTURES, serving_store
from tests.text_products import text_product


@pytest.fixture(scope="module")
def served(test_catalog, tmp_path_factory, use_embedder):
    with serving_store(FIXTURES / "store_answers", tmp_path_factory.mktemp("level-data"), use_embedder):
        yield


SOCKS = text_product(
    "socks", "Heated Socks Glow",
    "<p>Heated socks with a 3.7 V / 1,800 mAh battery per sock.</p><ul><li>Heat levels: 1 (40 °C) approx. 8 h</li>"
    "<li>2 (50 °C) approx. 4 h</li><li>3 (60 °C) approx. 1.5 h</li><li>Charging time: approx. 5 h</li></ul>",
    lang="en",
)
EARBUDS = text_product(
    "buds", "Ohrhörer Stille 3",
    "<p>Kabellose Ohrhörer mit aktiver Geräuschunterdrückung und bis zu 9 Stunden Musik.</p>"
    "<p>Akkulaufzeit: 6 Stunden mit ANC, 9 Stunden ohne ANC</p>",
)
FAN = text_product("fan", "Turmventilator Brise", "<p>Drei Stufen und Nachtmodus.</p><p>Lautstärke: 31–55 dB</p>")


def test_the_strongest_and_a_numbered_level(served):
    lines, known = answer_lines(SOCKS, "How long does the battery last on the highest level?", "en")
    assert known and "1.5 h" in lines[0] and "8 h" not in lines[0]
    lines, known = answer_lines(SOCKS, "Wie lange hält der Akku auf Stufe 1?", "de")
    assert known and lines[0].startswith("Heated Socks Glow: 8 h")
    lines, known = answer_lines(SOCKS, "Wie lange hält der Akku auf der niedrigsten Stufe?", "de")
    assert known and "8 h" in lines[0] and "5 h" not in lines[0]  # the charging time is no runtime


def test_times_in_other_units_are_compared_in_hours(served):
    torch = text_product("torch", "Tauchlampe Kegel 2000", "<p>Brenndauer: 75 Minuten bei 100 %, 2 Stunden bei 50 %, 5 Stunden bei 15 %</p>")
    lines, known = answer_lines(torch, "Wie lange leuchtet sie bei voller Leistung?", "de")
    assert known and lines[0].startswith("Tauchlampe Kegel 2000: 75 Minuten")


def test_with_or_without_a_feature(served):
    lines, known = answer_lines(EARBUDS, "Wie lange hält der Akku mit eingeschalteter Geräuschunterdrückung?", "de")
    assert known and lines[0].startswith("Ohrhörer Stille 3: 6 Stunden")
    lines, known = answer_lines(EARBUDS, "How long does the battery last without noise cancelling?", "en")
    assert known and lines[0].startswith("Ohrhörer Stille 3: 9 Stunden")


def test_the_asked_end_of_a_range(served):
    lines, known = answer_lines(FAN, "Wie laut ist er auf der leisesten Stufe?", "de")
    assert known and lines[0].startswith("Turmventilator Brise: 31 dB")
    lines, known = answer_lines(FAN, "How loud is it at full power?", "en")
    assert known and lines[0].startswith("Turmventilator Brise: 55 dB")


def test_no_level_asked_keeps_the_usual_answer(served):
    assert asked_level("Wie lange hält der Akku?") is None and asked_level("Is it quiet?") is None
    lines, _ = answer_lines(FAN, "Wie laut ist der Ventilator?", "de")
    assert "31–55 dB" in lines[0] and not lines[0].startswith("Turmventilator Brise: 31 dB")
