"""One sentence's sizing rule that holds beyond a bound of the wearer's measure, in German and
English: a step ("Wer über 90 kg wiegt, nimmt eine Länge länger", "Bei Körpergrößen über 1,75 m
eine Nummer größer", "Ab Cup D empfehlen wir eine Nummer größer", "Riders over 100 kg should
size up", "Wiegen Sie mehr als in der Tabelle angegeben, eine Größe größer") or a size range the
product is not meant for ("Für Cup D und größer ist der Flow nicht geeignet", "not suitable for
riders over 120 kg"). Read per sentence, with no catalog reading, so the import's fit
reader (`catalog.extract_claims`) can tell such a step from the product's fit; the product's
rules and whom they hold for are in `catalog.size_thresholds`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from catalog.measurements import MEASURE_RE, find_measurements

# the step the rule takes: one size, number, length or cup up (down), or the next size
_UP = re.compile(
    r"(?:eine|1)\s+(?:größe|nummer|grösse)\s+größer|größer\s+(?:zu\s+)?(?:bestellen|wählen|nehmen)|\bsize up\b|\b(?:one|a) size (?:up|larger|bigger)"
    r"|\bgo up (?:a|one) size|(?:eine|1)\s+(?:länge|cupgröße|cup)\s+(?:länger|größer)|\bone\s+(?:length|cup(?: size)?)\s+(?:longer|up|larger|bigger)"
    r"|\bnächst(?:e|en)?\s+(?:länge|größe|grösse|nummer)|\bnächstgrößere\w*|\bnext\s+(?:size|length)(?:\s+up)?\b", re.I)
_DOWN = re.compile(
    r"(?:eine|1)\s+(?:größe|nummer|grösse)\s+kleiner|kleiner\s+(?:zu\s+)?(?:bestellen|wählen|nehmen)|\bsize down\b|\b(?:one|a) size (?:down|smaller)"
    r"|\bgo down (?:a|one) size|(?:eine|1)\s+(?:länge|cupgröße|cup)\s+(?:kürzer|kleiner)|\bone\s+(?:length|cup(?: size)?)\s+(?:shorter|down|smaller)"
    r"|\bnext\s+(?:size|length)\s+down\b", re.I)
# the product is not meant for the wearer beyond the bound
_UNSUITED = re.compile(
    r"nicht\s+(?:geeignet|empfohlen|gedacht|zu empfehlen)|empfehlen\s+wir\s+(?:\w+\s+){0,3}?nicht\b|ungeeignet"
    r"|not\s+(?:suitable|recommended|designed|meant|made)|unsuitable|(?:do not|don't|wouldn't|would not)\s+recommend", re.I)

_ABOVE = r"über|mehr\s+als|schwerer\s+als|größer\s+als|grösser\s+als|länger\s+als|oberhalb\s+von|over|more\s+than|above|heavier\s+than|taller\s+than|bigger\s+than|larger\s+than|exceeding"
_FROM = r"ab|from|at\s+least|mindestens"  # the bound itself included
_BELOW = r"unter|weniger\s+als|leichter\s+als|kleiner\s+als|unterhalb\s+von|under|less\s+than|below|lighter\s+than|shorter\s+than|smaller\s+than"
_NUMBER = r"(?P<n>\d{1,3}(?:[.,]\d{1,2})?)\s*(?P<unit>kg|cm|m|lbs?)\b"
_BOUND = re.compile(
    rf"\b(?:(?P<above>{_ABOVE})|(?P<from>{_FROM})|(?P<below>{_BELOW}))\s+(?:(?:einer|a|an|einem)\s+)?"
    rf"(?:(?:körpergröße|körpergewicht|gewicht|größe|height|weight|body\s?weight)\s+(?:von\s+|of\s+)?)?{_NUMBER}", re.I)
# the bound said after its figure: "95 kg und mehr", "1.80 m and up", "100 kg+"
_BOUND_AFTER = re.compile(
    rf"{_NUMBER}\s*(?:\+|(?:und\s+mehr|oder\s+mehr|und\s+darüber|and\s+(?:more|up|above|over)|or\s+(?:more|over|above))\b)", re.I)
# the chart's own bound for the chosen size: "mehr als in der Tabelle angegeben", "schwerer als das Maximalgewicht"
_CHART_BOUND = re.compile(
    r"(?:mehr|schwerer|größer|grösser|über)\s+(?:als\s+)?(?:in\s+der\s+tabelle|(?:das|die|dem|den)\s+(?:maximal|höchst|max\.?\s*)\w*)"
    r"|(?:more|heavier|taller)\s+than\s+(?:(?:the|its)\s+)?(?:chart|table|max(?:imum)?\b|(?:size\s+)?chart\b)|exceeds?\s+the\s+(?:max(?:imum)?|limit|chart)", re.I)
_CHART_WEIGHT = re.compile(r"wieg|gewicht|schwer|kg\b|weigh|heav", re.I)
# a cup from which the rule holds: "ab Cup D", "from cup D", "Cup D und größer", "cup D and up"
_CUP_BOUND = re.compile(
    r"\b(?:ab|from)\s+(?:(?:einem|a)\s+)?cup\s*(?P<cup>[A-H]{1,2})\b"
    r"|\bcup\s*(?P<cup2>[A-H]{1,2})\s+(?:und|oder|and|or)\s+(?:größer|grösser|mehr|darüber|larger|bigger|up|above|more)\b", re.I)
CUPS = ["AA", "A", "B", "C", "D", "DD", "E", "F", "FF", "G", "GG", "H"]
# the shopper's cup: "Cup E", "cup D", "an E cup", or a bra size "75D", "80 DD", "34DD"
_SHOPPER_CUP = re.compile(
    r"\bcup\s*(?P<cup>[A-H]{1,2})\b|(?<![\w.,])(?:[2-4]\d|[6-9][05]|1[0-2][05])\s?(?P<cup2>AA|[A-H]{1,2})\b"
    r"|(?-i:\b(?P<cup3>[A-H]{1,2})[- ])cups?\b", re.I)  # "an E cup", not "a cup"


@dataclass(frozen=True)
class Threshold:
    measure: str  # a measure of `catalog.measurements` (kg for a weight, cm else) or "cup"
    above: bool  # the rule holds past the bound upwards (else below it)
    inclusive: bool  # the bound itself belongs ("ab 90 kg", "from cup D")
    bound: float | None  # None: the chart's own bound for the chosen size
    step: int  # +1 / -1 size; 0: the product is not meant for it
    sentence: str


def _step(sentence: str) -> int | None:
    if _UNSUITED.search(sentence):
        return 0
    up, down = bool(_UP.search(sentence)), bool(_DOWN.search(sentence))
    return None if up == down else 1 if up else -1


def _measure(sentence: str, unit: str) -> str | None:
    """The measure a bound in this unit means: a weight in kg or lbs, else the measure the
    sentence names (a height for one in metres when it names none)."""
    if unit.lower() in ("kg", "lb", "lbs"):
        return "weight"
    named = sorted((m.start(), k) for k, words in MEASURE_RE.items() if k not in ("weight", "age") and (m := words.search(sentence)))
    if named:
        return named[0][1]
    return "height" if unit.lower() == "m" else None


def _cm(number: str, unit: str) -> float:
    value = float(number.replace(",", "."))
    return {"m": value * 100, "lb": value * 0.4536, "lbs": value * 0.4536}.get(unit.lower(), value)


def rule_of(sentence: str) -> Threshold | None:
    """The bound and the step of one sentence, when it has both."""
    step = _step(sentence)
    if step is None:
        return None
    if m := _CUP_BOUND.search(sentence):
        cup = (m.group("cup") or m.group("cup2")).upper()
        return Threshold("cup", True, True, float(CUPS.index(cup)), step, sentence) if cup in CUPS else None
    if m := _BOUND.search(sentence) or _BOUND_AFTER.search(sentence):
        measure = _measure(sentence, m.group("unit"))
        if measure is None:
            return None
        after = m.re is _BOUND_AFTER
        above, inclusive = (True, True) if after else (not m.group("below"), bool(m.group("from")))
        return Threshold(measure, above, inclusive, _cm(m.group("n"), m.group("unit")), step, sentence)
    if step and (m := _CHART_BOUND.search(sentence)):
        return Threshold("weight" if _CHART_WEIGHT.search(sentence) else "height", True, False, None, step, sentence)
    return None


def has_bound(sentence: str) -> bool:
    """Whether a sentence's step holds only past a bound of the wearer's measure."""
    return rule_of(sentence) is not None


def shopper_value(text: str, measure: str) -> float | None:
    """The shopper's own value of a measure: kg, cm, or a cup's place in `CUPS`."""
    if measure == "cup":
        m = _SHOPPER_CUP.search(text)
        cup = (m.group("cup") or m.group("cup2") or m.group("cup3")).upper() if m else None
        return float(CUPS.index(cup)) if cup in CUPS else None
    return next((x.cm for x in find_measurements(text) if x.measure == measure), None)


def passes(rule: Threshold, value: float, bound: float) -> bool:
    if rule.above:
        return value >= bound if rule.inclusive else value > bound
    return value < bound
