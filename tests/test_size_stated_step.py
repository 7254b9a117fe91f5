"""The merchant's own step from the usual size ("eine bis zwei Nummern kleiner als Ihr
Straßenschuh"), read before the fit's default of one size up (catalog/size_advice.py), and a
usual size given as the shopper's normal shoes (actions/size_advice.py)."""

from __future__ import annotations

import pytest

from actions.size_advice import USUAL
from catalog.size_advice import stated_step
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
