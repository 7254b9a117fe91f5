"""The store size guide's own step from a measure to a size that is the measure in cm: "add 1 cm
and round up" / "geben Sie … (ca. 1 cm) dazu und runden Sie … auf", "runden Sie auf den nächsten
ganzen Zentimeter auf"; the standard's size then comes from the rounded measure (DE/EN)."""

from __future__ import annotations

from dataclasses import dataclass

from catalog.guide_rounding import guide_rounding, rounded
from catalog.measurements import Measurement
from catalog.size_conventions import convention
from tests.test_size_written_tables import _product


@dataclass
class _Passage:
    lang: str
    title: str
    heading: str
    text: str


_GUIDE = [
    _Passage("de", "Größenberatung", "Kragenweite messen", "Messen Sie Ihren Halsumfang unter dem Kehlkopf, geben Sie einen Finger breit "
             "(ca. 1 cm) dazu und runden Sie auf die nächste ganze Kragenweite auf. Die Kragenweite steht auch im Kragen."),
    _Passage("en", "Size guide", "Measuring your collar", "Measure around your neck below the larynx, add one finger's width "
             "(about 1 cm) and round up to the next whole collar size."),
    _Passage("de", "Größenberatung", "Kopfumfang messen", "Legen Sie das Maßband etwa 1 cm über den Ohren an. "
             "Runden Sie auf den nächsten ganzen Zentimeter auf."),
    _Passage("en", "Shipping", "Collar boxes", "Round up your order: we add 2 cm of tissue around each head form."),
]


def test_the_guide_adds_and_rounds_up() -> None:
    for lang in ("de", "en"):
        rule = guide_rounding(_GUIDE, "neck", lang)
        assert rule is not None and rule.offset == 1.0, rule
        assert rounded(Measurement("neck", 40.3), rule) == Measurement("neck", 42.0)
        assert rounded(Measurement("neck", 38), rule) == Measurement("neck", 39.0)
    head = guide_rounding(_GUIDE, "head", "de")
    assert head is not None and head.offset == 0.0, head  # the "1 cm über den Ohren" adds nothing
    assert rounded(Measurement("head", 60.5), head) == Measurement("head", 61.0)


def test_no_rule_outside_the_size_guide_or_for_another_measure() -> None:
    assert guide_rounding(_GUIDE, "head", "en") is None  # the shipping page's "round up" is no size rule
    assert guide_rounding(_GUIDE, "chest", "de") is None


def test_the_standard_size_from_the_rounded_measure() -> None:
    shirt = _product({"Kragenweite": ["39", "40", "41", "42", "43"]}, "Hemd aus Popeline.", "de")
    rule = guide_rounding(_GUIDE, "neck", "de")
    assert rule is not None
    found = convention(shirt, [rounded(Measurement("neck", 40.3), rule)], "de")
    assert found is not None and found.size == "42", found
