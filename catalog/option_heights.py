"""A second option of a garment chosen by the wearer's height, read from the text: "Length:
Regular = inseam 81 cm, Long = inseam 86 cm (for people taller than approx. 1.85 m)", "Die Länge
„Long“ … – für Damen ab etwa 1,75 m", "Kurzgröße für Personen unter 1,70 m". The value named with
a height minimum fits from there up, the one named with a maximum up to there; of an option of
two values, the other one takes the rest. Only options other than the size option (the size
comes from the chart of body measures), never a colour."""

from __future__ import annotations

import re
from collections.abc import Callable

from catalog.measurements import beyond
from catalog.models import Product
from catalog.passages import product_sentences
from catalog.size_table import text_lines
from catalog.variants import SIZE, option_kind, option_values

_ABOUT = r"(?:(?:ca\.|etwa|ungefähr|approx\.?|approximately|about|around|circa|rund)\s+)?"
_METRES = r"(1[.,]\d{1,2})\s*m\b"
_CM = r"(1\d{2})\s*cm\b"
_MIN = re.compile(rf"\b(?:taller than|over|above|from|ab|über|größer als|grösser als)\s+{_ABOUT}(?:{_METRES}|{_CM})", re.I)
_MAX = re.compile(rf"\b(?:shorter than|under|below|up to|unter|bis|kleiner als)\s+{_ABOUT}(?:{_METRES}|{_CM})", re.I)
_PEOPLE = re.compile(r"\bpeople\b|\bpersons?\b|\bpersonen\b|\bmenschen\b|\bdamen\b|\bherren\b|\bwomen\b|\bmen\b|\btall\w*|körpergröße|\bheight\b"
                     r"|\bgroß\b|\bgroße\b|\bkleine\b|\bshort\w*", re.I)
_LONG_WORD = re.compile(r"\b(?:long|lang|tall|extra ?long|überlänge)\b", re.I)
_SHORT_WORD = re.compile(r"\b(?:short|kurz|petite|kurzgröße)\b", re.I)

Row = tuple[str, str, float, float, str]  # (value, option, low, high, sentence)


def _cm(m: re.Match) -> float:
    return float(m.group(1).replace(",", ".")) * 100 if m.group(1) else float(m.group(2))


def _named(sentence: str, values: list[str]) -> list[tuple[int, str]]:
    """(position, value) of each of the option's values the sentence names, in order."""
    found = [(m.start(), v) for v in values for m in re.finditer(rf"(?<![\w/-]){re.escape(v)}(?![\w/-])", sentence, re.I)]
    return sorted(found)


def _owner(named: list[tuple[int, str]], at: int, word: re.Pattern) -> str | None:
    """The value a height bound at `at` belongs to: the one before it whose name says long (or
    short), else the nearest one before it."""
    before = [v for i, v in named if i < at]
    return next((v for v in before if word.search(v)), before[-1] if before else None)


def option_height_rows(product: Product, lang: str) -> list[Row]:
    """Rows (value, option, low cm, high cm, sentence) of the height each value of a non-size
    option is for; none where the text gives no height for them."""
    rows: list[Row] = []
    options = option_values(product)
    if not any(option_kind(product, o) == SIZE for o in options):
        return []  # a length sold alone (a duvet, a ski) is the other readers'
    for option, values in options.items():
        if len(values) < 2 or option_kind(product, option) in (SIZE, "color"):
            continue
        for s in product_sentences(product, lang):
            named = _named(s.text, values)
            if not named or not _PEOPLE.search(s.text):
                continue
            for pattern, word, top in ((_MIN, _LONG_WORD, True), (_MAX, _SHORT_WORD, False)):
                m = pattern.search(s.text)
                value = _owner(named, m.start(), word) if m else None
                if m is None or value is None or any(r[0] == value and r[1] == option for r in rows):
                    continue
                cm = _cm(m)
                rows.append((value, option, cm, float("inf"), s.text) if top else (value, option, 0.0, cm, s.text))
        rows += _rest(option, values, [r for r in rows if r[1] == option])
    return rows


# a bound of another body measure in cm ("Regular für Rückenlänge ab 44 cm, Short darunter", "Wide for calves over 38 cm")
_MIN_CM = re.compile(rf"\b(?:over|above|from|ab|über|größer als|grösser als|mehr als|more than|at least|mindestens)\s+{_ABOUT}(\d{{2,3}}(?:[.,]\d)?)\s*cm\b", re.I)
_MAX_CM = re.compile(rf"\b(?:under|below|up to|unter|bis|kleiner als|weniger als|less than|höchstens)\s+{_ABOUT}(\d{{2,3}}(?:[.,]\d)?)\s*cm\b", re.I)
_WIDE_WORD = re.compile(r"\b(?:wide|weit|breit|xl|extra\w*|plus|long|lang)\b", re.I)
_NARROW_WORD = re.compile(r"\b(?:narrow|schmal|slim|short|kurz)\b", re.I)

MeasureRow = tuple[str, str, float, float, str, str]  # (value, option, low, high, measure, sentence)


def option_measure_rows(product: Product, lang: str, measure_of: Callable[[str], str | None]) -> list[MeasureRow]:
    """Rows of a body measure other than the height that a sentence bounds for a value of a
    non-size option ("Länge: Regular für Rückenlänge ab 44 cm, Short darunter" — a back of
    41 cm is Short; "Wide for calves over 38 cm"): the measure is the one the sentence names
    before the bound; of an option of two values the other one takes the rest."""
    rows: list[MeasureRow] = []
    options = option_values(product)
    if not any(option_kind(product, o) == SIZE for o in options):
        return []
    for option, values in options.items():
        if len(values) < 2 or option_kind(product, option) in (SIZE, "color"):
            continue
        found: list[Row] = []
        measure = None
        for line in text_lines(product, lang):
            text = _ASIDE.sub(lambda m: " " * len(m.group(0)), line)  # "(7. Halswirbel bis Taille)" says how to measure
            named = _named(text, values)
            for pattern, word, top in ((_MIN_CM, _WIDE_WORD, True), (_MAX_CM, _NARROW_WORD, False)):
                m = pattern.search(text)
                value = _owner(named, m.start(), word) if m and named else None
                said = _first_measure(text[: m.start()], measure_of) if m else None
                if m is None or value is None or said in (None, "height") or measure not in (None, said) or any(r[0] == value for r in found):
                    continue
                cm = float(m.group(1).replace(",", "."))
                if beyond(said, cm):  # "L30 is an ankle length … up to 170 cm": a height
                    continue
                measure = said
                found.append((value, option, cm, float("inf"), line) if top else (value, option, 0.0, cm, line))
        found += _rest(option, values, found)
        rows += [(value, option, low, high, measure or "", sentence) for value, option, low, high, sentence in found]
    return rows


_ASIDE = re.compile(r"\([^()]*\)")


def _first_measure(text: str, measure_of: Callable[[str], str | None]) -> str | None:
    """The first measure the text names ("Regular für Rückenlänge …", "Long for a back length"):
    that of the shortest start of it that names one."""
    for word in re.finditer(r"[^\W\d_]+", text):
        if measure := measure_of(text[: word.end()]):
            return measure
    return None


def _rest(option: str, values: list[str], rows: list[Row]) -> list[Row]:
    """Of an option of two values with one bound read, the other value on the other side of it."""
    if len(values) != 2 or len(rows) != 1:
        return []
    value, _, low, high, sentence = rows[0]
    other = next(v for v in values if v != value)
    return [(other, option, 0.0, low, sentence)] if high == float("inf") else [(other, option, high, float("inf"), sentence)]
