"""A measurement exactly on the boundary of two sizes: the merchant's rule for it ("Liegt Ihr
Kopfumfang genau auf der Grenze, nehmen Sie die kleinere", "exactly on the boundary, take the
larger") and the rule between two sizes also where the size lines are read as evidence (DE/EN)."""

from __future__ import annotations

from actions.size_chart_answer import chart_answer
from actions.size_evidence_answer import evidence_answer
from catalog.measurements import Measurement
from catalog.size_advice import between_rule
from tests.test_size_written_tables import _product

_HELMET = {"de": "Kopfumfang:\nS 53–55 cm\nM 55–57 cm\nL 57–59 cm\nLiegt Ihr Kopfumfang genau auf der Grenze, nehmen Sie die kleinere Größe.",
           "en": "Head circumference:\nS 53–55 cm\nM 55–57 cm\nL 57–59 cm\nIf your head is exactly on the boundary, take the larger size."}


def test_a_rule_for_the_boundary_is_the_rule_between_two_sizes() -> None:
    for lang, want in (("de", "smaller"), ("en", "larger")):
        helmet = _product({"Größe": ["S", "M", "L"]}, _HELMET[lang], lang)
        assert between_rule(helmet, lang)[0] == want
        said = chart_answer(helmet, [Measurement("head", 55)], "55 cm", lang, "EUR") or ""
        assert ("Ich empfehle Größe S" in said) if lang == "de" else ("I recommend size M" in said)
    assert between_rule(_product({"Größe": ["S", "M"]}, "An der oberen Grenze nehmen Sie die nächste Größe."), "de") is None


def test_the_evidence_path_keeps_the_merchants_rule_between_two_sizes() -> None:
    for lang, text, question in (
            ("de", "Bademantel.\nGröße Brustumfang\nS 88 – 96 cm 36/38\nM 96 – 104 cm 40/42\nL 104 – 112 cm 44/46\n"
                   "Wenn Sie zwischen zwei Größen liegen, nehmen Sie die kleinere.", "Brustumfang 104 – M oder L?"),
            ("en", "Bathrobe.\nSize Chest\nS 88 – 96 cm 36/38\nM 96 – 104 cm 40/42\nL 104 – 112 cm 44/46\n"
                   "If you are between two sizes, take the smaller one.", "chest 104 cm, M or L?")):
        robe = _product({"Größe": ["S", "M", "L"]}, text, lang)
        said = evidence_answer(robe, question, lang, "EUR") or ""
        assert ("Ich empfehle Größe M." in said) if lang == "de" else ("I recommend size M." in said), said
