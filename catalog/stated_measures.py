"""A product's own height, width or length as its text states it ("Höhe 185 cm", "only 96 cm
high", "Breite: 1,2 m"), for "which one is higher?" when no typed attribute holds it. German
and English; a compound naming the measure counts ("Gesamthöhe 185 cm"), a range gives its
upper end ("Höhe 40–60 cm" is 60 cm)."""

from __future__ import annotations

import re

from catalog.models import Product

# the measure's words: as a label before the number (the whole product's first, then a compound
# naming a part: "Einstiegshöhe 14 cm" is the entrance's), as an adjective after the number
_WORDS: dict[str, tuple[str, str, str]] = {
    "height": (
        r"(?:gesamt)?höhe|(?:total |overall )?height",
        r"\w+höhe|\w+ height",
        r"hoch|high|tall",
    ),
    "width": (r"(?:gesamt)?breite|(?:total |overall )?width", r"\w+breite", r"breit|wide"),
}
_NUMBER = r"(\d+(?:[.,]\d+)?)(?:[ \t]*(?:-|–|bis|to)[ \t]*(\d+(?:[.,]\d+)?))?[ \t]*(mm|cm|m)\b"
_UNIT_CM = {"mm": 0.1, "cm": 1.0, "m": 100.0}


def _patterns(kind: str) -> list[re.Pattern[str]]:
    """The ways a text states the measure, the surest first (the label on the same line as the number)."""
    whole, part, adjective = _WORDS[kind]
    label = r"[ \t]*:?[ \t]*(?:(?:ca\.|approx\.|etwa|about|of|von)[ \t]*)?"
    return [
        re.compile(rf"\b(?:{whole})\b{label}{_NUMBER}", re.I),
        re.compile(rf"{_NUMBER}[ \t]+(?:{adjective})\b", re.I),
        re.compile(rf"\b(?:{part})\b{label}{_NUMBER}", re.I),
    ]


def stated_measure(product: Product, kind: str) -> tuple[float, str] | None:
    """The product's `kind` measure in cm and as the text writes it ("185 cm"), from the first
    sentence of its description stating it; None when the text states none."""
    if kind not in _WORDS:
        return None
    for pattern in _patterns(kind):
        for text in product.description.values():
            if m := pattern.search(text):
                low, high, unit = m.group(1), m.group(2), m.group(3)
                value = float((high or low).replace(",", ".")) * _UNIT_CM[unit.lower()]
                written = f"{low}–{high} {unit}" if high else f"{low} {unit}"
                return value, written
    return None
