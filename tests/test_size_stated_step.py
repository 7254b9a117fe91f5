"""The merchant's own step from the usual size ("eine bis zwei Nummern kleiner als Ihr
Straßenschuh"), read before the fit's default of one size up (catalog/size_advice.py), and a
usual size given as the shopper's normal shoes (actions/size_advice.py)."""

from __future__ import annotations

import re

import pytest

from actions.size_advice import USUAL
from catalog.size_step_rules import stated_step
from catalog.sizes import shift_size
from tests.test_variants import optioned


def _shoe(text: dict[str, str]):
    p = optioned("climber", ("Größe",), [(str(n), 3) for n in range(36, 46)], size_option="Größe")
    p.description = text
    return p


@pytest.mark.parametrize(
    ("text", "steps"),
    [
        (
            {
                "de": "Fällt klein aus – wählen Sie eine bis zwei Nummern kleiner als Ihr Straßenschuh. Das Leder weitet sich um eine halbe Nummer."
            },
            [-1, -2],
        ),
        ({"de": "Bitte bestellen Sie 1–2 Größen kleiner als gewohnt."}, [-1, -2]),
        ({"en": "Runs small: order one to two sizes smaller than your street shoe."}, [-1, -2]),
        ({"en": "Take one size larger than your usual shoe."}, [1]),
        ({"de": "Nehmen Sie eine halbe Nummer größer als sonst."}, [0.5]),
        ({"en": "Sizing: Downsize one full size from your street shoe (street shoe EU 39 → EU 38)."}, [-1]),
        ({"en": "Size down one to two sizes from your street shoe."}, [-1, -2]),
        ({"en": "Go up half a size from your usual shoe."}, [0.5]),
        ({"de": "Gehen Sie eine Nummer runter gegenüber Ihrem Straßenschuh."}, [-1]),
    ],
)
def test_the_step_the_merchant_states(text, steps):
    found = stated_step(_shoe(text), next(iter(text)))
    assert found is not None and found[0] == steps
    p = _shoe(text)
    if steps == [-1, -2]:
        assert [shift_size(p, "42", s) for s in found[0]] == ["41", "40"]


@pytest.mark.parametrize(
    "text",
    [
        {"de": "Wer es lockerer mag, nimmt eine Größe größer."},  # a roomier fit only when wanted
        {"en": "If you are between two sizes, take one size smaller."},  # between two sizes only
        {"de": "Das Leder weitet sich um etwa eine halbe Nummer."},  # no direction to order
        {"en": "Fällt eine Nummer kleiner aus."},  # how it fits, said by the fit
        {"de": "Wer breite Füße hat, bestellt besser eine Nummer größer."},  # only for some feet
        {"en": "If you have wide feet, order one size larger."},
    ],
)
def test_no_stated_step(text):
    assert stated_step(_shoe(text), next(iter(text))) is None


def test_a_usual_size_given_as_the_normal_shoes():
    assert USUAL.search("Does this run small? My normal shoes are 41.")
    assert USUAL.search("Fällt er klein aus? Meine normalen Schuhe haben 41.")
    assert not USUAL.search("Are the shoes 41 cm long?")
    assert USUAL.search("My street shoe is EU 41, which size?")
    assert USUAL.search("Mein Straßenschuh hat 41 – welche Größe?")
    assert USUAL.search("Straßenschuhgröße 42, welche Größe nehme ich?")
    assert USUAL.search("My shoe size is 48. Which sock size?")
    assert USUAL.search("Meine Schuhgröße ist 48, welche Sockengröße?")
    assert not USUAL.search("Which shoe sizes do you have?")


@pytest.fixture
def ask(run_action, monkeypatch):
    from tests.test_need_answers import page_asker

    return page_asker(run_action, monkeypatch)


@pytest.mark.parametrize(
    ("lang", "text", "question"),
    [("en", "Climbing shoe.\nSizing: Downsize one full size from your street shoe.", "My street shoe is EU 41, which size?"),
     ("de", "Kletterschuh.\nGröße: Gehen Sie eine Nummer runter gegenüber Ihrem Straßenschuh.", "Mein Straßenschuh hat 41 – welche Größe?")],
)  # fmt: skip
def test_the_street_shoe_and_the_merchants_step_give_the_size(ask, lang, text, question):
    from actions.sizing import ActionAnswerSize

    said = ask(ActionAnswerSize(), _shoe({lang: text}), question, lang)
    assert re.search(r"(?<![\d.,])40(?![\d.,])", said) and not re.search(r"(?<![\d.,])41(?![\d.,])\D{0,12}(?:vorrätig|in stock|only|nur)", said), said
