"""A length the merchant gives as arithmetic on the shopper's height, in German and English:
"Länge: Körpergröße minus 5 bis 10 cm", "your height minus 10 cm", "10–15 cm kürzer als Ihre
Körpergröße", "height plus 10 to 20 cm", "Körpergröße × 0,7, auf die nächste 5-cm-Stufe
gerundet", "height x 0.68, rounded to the nearest 5 cm". `target` turns a height into the
span of lengths the rule gives; `pick` the stocked lengths in (or nearest to) it."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_HEIGHT = r"(?:ihre[rn]?\s+|die\s+|der\s+|your\s+|the\s+|(?:the\s+)?(?:skier|rider|user)'s\s+)?(?:körpergröße|körperlänge|körpergrösse|body\s*height|height)"
_NUM = r"(\d+(?:[.,]\d+)?)"
_SPAN = rf"{_NUM}(?:\s*(?:bis|to|–|-|—)\s*{_NUM})?\s*cm"
# "Körpergröße minus 5 bis 10 cm", "height plus 10 cm", "height - 10 cm"
_OFFSET = re.compile(
    rf"{_HEIGHT}\s*(?P<sign>minus|abzüglich|less|plus|zuzüglich|\+|−|–|-)\s*{_SPAN}", re.I
)
# "10–15 cm kürzer als Ihre Körpergröße", "5 to 10 cm shorter than your height", "10 cm über der Körpergröße"
_RELATIVE = re.compile(
    rf"{_SPAN}\s*(?P<dir>kürzer als|unter|länger als|über|shorter than|below|less than|longer than|above|more than)\s*{_HEIGHT}",
    re.I,
)
# "Körpergröße × 0,7", "height x 0.68", "height times 0.7", "Körpergröße mal 0,7"
_FACTOR = re.compile(rf"{_HEIGHT}\s*(?:×|x|\*|mal|times|multiplied by)\s*(0[.,]\d+)", re.I)
# "auf die nächste 5-cm-Stufe gerundet", "rounded to the nearest 5 cm", "in 5-cm-Schritten",
# "auf 5 cm abgerundet", "rounded down to 5 cm"
_STEP = re.compile(
    r"(\d+)\s*-?\s*cm\s*-?\s*(?:stufe|schritt|step|increment)|nearest\s+(\d+)\s*cm"
    r"|\bauf\s+(?:volle\s+|ganze\s+)?(\d+)\s*cm\s+(?:ab|auf)?gerundet|\brounded\s+(?:down|up|off)?\s*to\s+(?:the\s+)?(\d+)\s*cm",
    re.I,
)
# which way the merchant rounds: down ("abgerundet", "rounded down") or up; else to the nearest
_DOWN = re.compile(r"\babgerundet|\babrunden|\bround(?:ed|ing)?\s+down\b", re.I)
_UP = re.compile(r"\baufgerundet|\baufrunden|\bround(?:ed|ing)?\s+up\b", re.I)


@dataclass(frozen=True)
class LengthRule:
    """A length rule: `low`/`high` cm added to the height, or the height times `factor`
    rounded to `step` cm; `sentence` as the merchant wrote it."""

    sentence: str
    low: float = 0.0
    high: float = 0.0
    factor: float | None = None
    step: float | None = None
    rounding: str = "nearest"  # or "down" / "up", as the merchant writes it

    def target(self, height: float) -> tuple[float, float]:
        """The span of lengths (cm) the rule gives for a height."""
        if self.factor is None:
            return height + self.low, height + self.high
        value = height * self.factor
        if self.step:
            steps = value / self.step
            if self.rounding == "down":  # "auf 5 cm abgerundet": 124.6 -> 120
                value = math.floor(steps + 1e-9) * self.step
            elif self.rounding == "up":
                value = math.ceil(steps - 1e-9) * self.step
            else:  # to the nearest step, a half up
                value = int(steps + 0.5 + 1e-9) * self.step
        return value, value


def _num(text: str | None) -> float | None:
    return float(text.replace(",", ".")) if text else None


def length_rule(sentences: list[str], lang: str | None = None) -> LengthRule | None:
    """The length rule of a product's sentences, in the shopper's language where a bilingual
    text writes it twice ("Körpergröße minus 5 bis 10 cm. Length: your height minus 5 to 10 cm."),
    or None."""
    found = [rule for sentence in sentences if (rule := _rule(sentence))]
    mine = [
        r for r in found if lang and bool(re.search(r"körper", r.sentence, re.I)) == (lang == "de")
    ]
    return (mine or found or [None])[0]


def _rule(sentence: str) -> LengthRule | None:
    if m := _FACTOR.search(sentence):
        step = _STEP.search(sentence)
        way = "down" if _DOWN.search(sentence) else "up" if _UP.search(sentence) else "nearest"
        size = step and next((g for g in step.groups() if g), None)
        return LengthRule(sentence, factor=_num(m.group(1)), step=_num(size), rounding=way)
    if m := _OFFSET.search(sentence):
        sign = 1 if m.group("sign").lower() in ("plus", "zuzüglich", "+") else -1
        return _span(sentence, _num(m.group(2)), _num(m.group(3)), sign)
    if m := _RELATIVE.search(sentence):
        sign = -1 if re.match(r"kürzer|unter|shorter|below|less", m.group("dir"), re.I) else 1
        return _span(sentence, _num(m.group(1)), _num(m.group(2)), sign)
    return None


def _span(sentence: str, a: float | None, b: float | None, sign: int) -> LengthRule | None:
    if a is None:
        return None
    b = a if b is None else b
    low, high = sorted((sign * a, sign * b))
    return LengthRule(sentence, low=low, high=high)


def pick(lengths: dict[str, float], low: float, high: float) -> list[str]:
    """The stocked lengths (label -> cm) inside [low, high]; else the one nearest to it."""
    inside = [label for label, cm in lengths.items() if low - 0.5 <= cm <= high + 0.5]
    if inside or not lengths:
        return inside
    return [
        min(lengths, key=lambda label: min(abs(lengths[label] - low), abs(lengths[label] - high)))
    ]
