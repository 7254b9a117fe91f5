"""Of two sizes in a question, the one right after "normally" / "sonst" is the usual size."""

from __future__ import annotations

from actions.sizing import _usual_first
from catalog.variants import SIZE, Asked, find_asked
from tests.test_variants import optioned


def _pullover():
    return optioned("pulli", ("Größe",), [("S", 2), ("M", 3), ("L", 1), ("XL", 0)], size_option="Größe")


def _usual(text: str) -> str:
    product = _pullover()
    size = next(a for a in find_asked(product, text) if a.kind == SIZE)
    return _usual_first(product, text, size).wanted


def test_the_size_after_the_cue_is_the_usual_one():
    assert _usual("Would an L fit me if I normally wear M?") == "M"
    assert _usual("Passt mir L, wenn ich sonst M trage?") == "M"
    assert _usual("Ich trage sonst M, passt mir dann L?") == "M"
    assert _usual("I'm usually an S. Is M better?") == "S"


def test_one_size_or_no_cue_stays_as_asked():
    product = _pullover()
    asked = Asked("Größe", SIZE, "L", ("L",))
    assert _usual_first(product, "Is L in stock?", asked) is asked
    assert _usual_first(product, "Ich trage sonst L", asked) is asked


def test_a_half_size_is_not_the_whole_one():
    boot = optioned("stiefel", ("Größe",), [(str(n), 2) for n in range(37, 42)], size_option="Größe")
    asked = Asked("Größe", SIZE, "38,5", ())
    assert _usual_first(boot, "Ich trage sonst 38,5. Welche Größe?", asked) is asked
    assert _usual_first(boot, "I'm a 39.5 in most shoes, is 40 ok?", Asked("Größe", SIZE, "40", ("40",))).wanted == "40"
