"""Two measures charting two options (a size by the chest, a leg length by the inside leg): the
answer recommends both values together and the stock of that version, not the "larger" of two
values that are no sizes of one scale (DE/EN)."""

from __future__ import annotations

from actions.size_evidence_answer import evidence_answer
from tests.test_size_written_tables import _product

_DE = ("Arbeitshose aus Baumwolle.\nGrößen nach Brustumfang: S 88-95 · M 96-103 · L 104-111 cm.\n"
       "Zwei Beinlängen: Kurz (Innenbein 76 cm) und Lang (Innenbein 84 cm).")
_EN = ("Cotton work set.\nSizing by chest: S 88-95 · M 96-103 · L 104-111 cm.\n"
       "Two leg lengths: Short (inside leg 76 cm) and Long (inside leg 84 cm).")


def test_a_size_and_a_leg_length_are_recommended_together() -> None:
    for lang, text, question, leg, want in (
        ("de", _DE, "Brustumfang 100 cm, Innenbeinlänge 83 cm – welche Größe?", "Beinlänge", "Ich empfehle Größe M, Beinlänge Lang"),
        ("en", _EN, "chest 100 cm and my inside leg is 83 cm – which size?", "Leg length", "I recommend size M, Leg length Long"),
    ):
        legs = ["Kurz", "Lang"] if lang == "de" else ["Short", "Long"]
        product = _product({"Größe" if lang == "de" else "Size": ["S", "M", "L"], leg: legs}, text, lang)
        answer = evidence_answer(product, question, lang, "EUR") or ""
        assert answer.startswith(want), answer


def test_two_measures_of_one_option_still_take_the_larger() -> None:
    text = "Weste.\nGrößen nach Brustumfang: S 88-95 · M 96-103 · L 104-111 cm.\nTaillenumfang: S 70-77 · M 78-85 · L 86-93 cm."
    product = _product({"Größe": ["S", "M", "L"]}, text, "de")
    answer = evidence_answer(product, "Brustumfang 100 cm, Taillenumfang 88 cm", "de", "EUR") or ""
    assert "Ich empfehle Größe L" in answer and "Größe M," not in answer, answer
